"""An in-memory todo store. It stands in for a database or a remote API, so that the example
runs anywhere with no network; a Lambda execution environment keeps it between invocations
until it is recycled."""

from __future__ import annotations

from typing import Any


class TodoStore:
    """Todos by id, with the few operations the API needs."""

    def __init__(self, todos: list[tuple[str, bool]] | None = None) -> None:
        self._todos: dict[int, dict[str, Any]] = {}
        self._next_id = 1
        for title, completed in todos or []:
            self.add(title, completed)

    def list(self, completed: bool | None = None) -> list[dict[str, Any]]:
        todos = list(self._todos.values())
        if completed is not None:
            todos = [todo for todo in todos if todo["completed"] is completed]
        return todos

    def get(self, todo_id: int) -> dict[str, Any] | None:
        return self._todos.get(todo_id)

    def add(self, title: str, completed: bool = False) -> dict[str, Any]:
        todo = {"id": self._next_id, "title": title, "completed": completed}
        self._todos[self._next_id] = todo
        self._next_id += 1
        return todo

    def update(self, todo_id: int, changes: dict[str, Any]) -> dict[str, Any] | None:
        todo = self._todos.get(todo_id)
        if todo is not None:
            todo.update({k: v for k, v in changes.items() if k in ("title", "completed")})
        return todo

    def delete(self, todo_id: int) -> bool:
        return self._todos.pop(todo_id, None) is not None


STORE = TodoStore([("Buy milk", False), ("Write the docs", True), ("Book the flights", False)])
