"""Events of every source with every request-context part filled in, written from AWS's
documented payload formats (REST proxy integration, HTTP API payload 2.0, ALB Lambda
targets, Function URL payloads): authorizers of each kind, identities, client certificates.
"""

from __future__ import annotations

import base64
import copy
from typing import Any

_CLIENT_CERT = {
    "clientCertPem": "-----BEGIN CERTIFICATE-----\nMIIEZTCCAk0CAQEw\n-----END CERTIFICATE-----",
    "issuerDN": "CN=Example Issuing CA,O=Example Corp,C=US",
    "serialNumber": "a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1",
    "subjectDN": "CN=client.example.com,O=Example Corp,C=US",
    "validity": {"notAfter": "Aug  5 00:28:21 2120 GMT", "notBefore": "Aug 29 00:28:21 2020 GMT"},
}

# REST API proxy integration, a Cognito user pool authorizer, mutual TLS, an API key.
REST: dict[str, Any] = {
    "resource": "/orders/{id}",
    "path": "/orders/o-1",
    "httpMethod": "POST",
    "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Cookie": "session=3f9c2a; theme=dark",
        "Host": "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
        "User-Agent": "curl/8.4.0",
        "X-Tag": "b",
    },
    "multiValueHeaders": {
        "Accept": ["application/json"],
        "Content-Type": ["application/json"],
        "Cookie": ["session=3f9c2a; theme=dark"],
        "Host": ["a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"],
        "User-Agent": ["curl/8.4.0"],
        "X-Tag": ["a", "b"],
    },
    "queryStringParameters": {"expand": "items", "tag": "y"},
    "multiValueQueryStringParameters": {"expand": ["items"], "tag": ["x", "y"]},
    "pathParameters": {"id": "o-1"},
    "stageVariables": {"table": "orders-prod"},
    "requestContext": {
        "accountId": "111122223333",
        "apiId": "a1b2c3d4e5",
        "authorizer": {
            "claims": {"sub": "7d3f-41c2", "email": "ana@example.com", "cognito:groups": "admin"},
            "scopes": ["orders/write"],
            "principalId": "7d3f-41c2",
            "integrationLatency": 12,
        },
        "domainName": "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
        "domainPrefix": "a1b2c3d4e5",
        "extendedRequestId": "Kx9RsEhvIAMFqzw=",
        "httpMethod": "POST",
        "identity": {
            "accessKey": None,
            "accountId": None,
            "apiKey": "k-8d7e6f",
            "apiKeyId": "x7y8z9",
            "caller": None,
            "clientCert": _CLIENT_CERT,
            "cognitoAuthenticationProvider": None,
            "cognitoAuthenticationType": None,
            "cognitoIdentityId": None,
            "cognitoIdentityPoolId": None,
            "principalOrgId": None,
            "sourceIp": "198.51.100.24",
            "user": None,
            "userAgent": "curl/8.4.0",
            "userArn": None,
        },
        "path": "/prod/orders/o-1",
        "protocol": "HTTP/1.1",
        "requestId": "8f2a6c1e-3b7d-4e59-9c0a-1d2e3f4a5b6c",
        "requestTime": "13/Mar/2024:10:15:42 +0000",
        "requestTimeEpoch": 1710324942123,
        "resourceId": "q1w2e3",
        "resourcePath": "/orders/{id}",
        "stage": "prod",
    },
    "body": '{"qty": 2, "sku": "tea"}',
    "isBase64Encoded": False,
}

# HTTP API payload 2.0 with a JWT authorizer and mutual TLS, on the default stage.
HTTP_JWT: dict[str, Any] = {
    "version": "2.0",
    "routeKey": "POST /orders/{id}",
    "rawPath": "/orders/o-1",
    "rawQueryString": "tag=x&tag=y&expand=items",
    "cookies": ["session=3f9c2a", "theme=dark"],
    "headers": {
        "accept": "application/json",
        "content-type": "application/json",
        "host": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
        "user-agent": "curl/8.4.0",
        "x-tag": "a,b",
    },
    "queryStringParameters": {"tag": "x,y", "expand": "items"},
    "pathParameters": {"id": "o-1"},
    "stageVariables": {"table": "orders-prod"},
    "requestContext": {
        "accountId": "111122223333",
        "apiId": "r3pmxmplak",
        "authentication": {"clientCert": _CLIENT_CERT},
        "authorizer": {
            "jwt": {
                "claims": {"sub": "7d3f-41c2", "iss": "https://issuer.example.com"},
                "scopes": ["orders:write"],
            }
        },
        "domainName": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
        "domainPrefix": "r3pmxmplak",
        "http": {
            "method": "POST",
            "path": "/orders/o-1",
            "protocol": "HTTP/1.1",
            "sourceIp": "198.51.100.7",
            "userAgent": "curl/8.4.0",
        },
        "requestId": "JKJaXmPLvHcESHA=",
        "routeKey": "POST /orders/{id}",
        "stage": "$default",
        "time": "13/Mar/2024:10:15:42 +0000",
        "timeEpoch": 1710324942123,
    },
    "body": base64.b64encode(b'{"qty": 2, "sku": "tea"}').decode(),
    "isBase64Encoded": True,
}


def _http_with_authorizer(authorizer: dict[str, Any]) -> dict[str, Any]:
    event = copy.deepcopy(HTTP_JWT)
    event["requestContext"]["authorizer"] = authorizer
    del event["requestContext"]["authentication"]
    return event


# The same request through a Lambda authorizer (simple responses), and signed with IAM.
HTTP_LAMBDA = _http_with_authorizer({"lambda": {"tenant": "acme", "plan": "pro"}})
HTTP_IAM = _http_with_authorizer(
    {
        "iam": {
            "accessKey": "ASIAIOSFODNN7EXAMPLE",
            "accountId": "111122223333",
            "callerId": "AROAEXAMPLE:session",
            "cognitoIdentity": {
                "amr": ["authenticated"],
                "identityId": "eu-west-1:0f1e2d3c",
                "identityPoolId": "eu-west-1:9a8b7c6d",
            },
            "principalOrgId": "o-abcdef1234",
            "userArn": "arn:aws:sts::111122223333:assumed-role/app/session",
            "userId": "AROAEXAMPLE:session",
        }
    }
)

# ALB, single-value mode; the query arrives as the client sent it (percent-encoded).
ALB_SINGLE: dict[str, Any] = {
    "requestContext": {
        "elb": {
            "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:111122223333:"
            "targetgroup/shop/6d0ecf831eec9f09"
        }
    },
    "httpMethod": "GET",
    "path": "/search",
    "queryStringParameters": {"q": "green%20tea", "page": "2"},
    "headers": {
        "cookie": "session=3f9c2a; theme=dark",
        "host": "shop-1234567890.eu-west-1.elb.amazonaws.com",
        "user-agent": "curl/8.4.0",
        "x-forwarded-for": "203.0.113.7",
    },
    "body": "",
    "isBase64Encoded": False,
}

# ALB with `lambda.multi_value_headers.enabled`.
ALB_MULTI: dict[str, Any] = {
    "requestContext": ALB_SINGLE["requestContext"],
    "httpMethod": "GET",
    "path": "/search",
    "multiValueQueryStringParameters": {"q": ["green%20tea"], "tag": ["x", "y"]},
    "multiValueHeaders": {
        "cookie": ["session=3f9c2a; theme=dark"],
        "host": ["shop-1234567890.eu-west-1.elb.amazonaws.com"],
        "user-agent": ["curl/8.4.0"],
        "x-tag": ["a", "b"],
    },
    "body": "",
    "isBase64Encoded": False,
}

# A Function URL with IAM auth.
FUNCTION_URL: dict[str, Any] = {
    "version": "2.0",
    "routeKey": "$default",
    "rawPath": "/orders/o-1",
    "rawQueryString": "expand=items",
    "cookies": ["session=3f9c2a"],
    "headers": {
        "accept": "*/*",
        "content-type": "application/json",
        "host": "xj2mplpozcwpu3ntpbq6yp7l4m0ckskz.lambda-url.eu-west-1.on.aws",
        "user-agent": "python-requests/2.31.0",
    },
    "queryStringParameters": {"expand": "items"},
    "requestContext": {
        "accountId": "111122223333",
        "apiId": "xj2mplpozcwpu3ntpbq6yp7l4m0ckskz",
        "authorizer": {
            "iam": {
                "accessKey": "AKIAIOSFODNN7EXAMPLE",
                "accountId": "111122223333",
                "callerId": "AIDACKCEVSQ6C2EXAMPLE",
                "cognitoIdentity": None,
                "principalOrgId": None,
                "userArn": "arn:aws:iam::111122223333:user/deploy",
                "userId": "AIDACKCEVSQ6C2EXAMPLE",
            }
        },
        "domainName": "xj2mplpozcwpu3ntpbq6yp7l4m0ckskz.lambda-url.eu-west-1.on.aws",
        "domainPrefix": "xj2mplpozcwpu3ntpbq6yp7l4m0ckskz",
        "http": {
            "method": "POST",
            "path": "/orders/o-1",
            "protocol": "HTTP/1.1",
            "sourceIp": "203.0.113.24",
            "userAgent": "python-requests/2.31.0",
        },
        "requestId": "f0e1d2c3-b4a5-4697-8877-665544332211",
        "routeKey": "$default",
        "stage": "$default",
        "time": "13/Mar/2024:10:15:42 +0000",
        "timeEpoch": 1710324942123,
    },
    "body": '{"qty": 2}',
    "isBase64Encoded": False,
}
