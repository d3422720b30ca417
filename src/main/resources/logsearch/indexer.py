"""Quest Platform log search indexer (AWS Lambda, Python 3.12).

Reads the CloudWatch Logs batches that the member accounts' search subscription filters put into the log search's
Kinesis stream, and indexes every log event as one document into the OpenSearch Serverless collection, with the
_bulk API signed for the "aoss" service. A batch is base64 text of GZIP-compressed JSON: owner (the sending account),
logGroup, logStream, subscriptionFilters (quest-search.<environment>.<type>), logEvents[{id, timestamp, message}];
CONTROL_MESSAGE batches are CloudWatch Logs' own reachability checks and are skipped.
(CloudWatch Logs User Guide, "Subscription filters", log event format, read 2026-12-02.)

Any failed document fails the invocation, so Lambda retries the batch (bisecting it) as the event source mapping says.
"""
import base64
import datetime
import gzip
import hashlib
import json
import os
import urllib.request


def documents(records):
    """One document per log event of every DATA_MESSAGE batch in the Kinesis records."""
    for record in records:
        batch = json.loads(gzip.decompress(base64.b64decode(record["kinesis"]["data"])))
        if batch.get("messageType") != "DATA_MESSAGE":
            continue
        parts = (batch.get("subscriptionFilters") or ["unknown"])[0].split(".")
        environment, kind = (parts[1], parts[2]) if len(parts) == 3 else ("unknown", "unknown")
        for event in batch.get("logEvents", []):
            at = datetime.datetime.fromtimestamp(event["timestamp"] / 1000, tz=datetime.timezone.utc)
            yield {
                "@timestamp": at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "message": event["message"],
                "account": batch.get("owner"),
                "environment": environment,
                "type": kind,
                "logGroup": batch.get("logGroup"),
                "logStream": batch.get("logStream"),
            }


def bulk_body(index, docs):
    """The _bulk request body: a create action and the document, one JSON line each; empty without documents."""
    lines = []
    for doc in docs:
        lines.append(json.dumps({"create": {"_index": index}}))
        lines.append(json.dumps(doc))
    return "\n".join(lines) + "\n" if lines else ""


def send(endpoint, region, body):
    """POSTs the body to the collection's _bulk API, signed with the function's role for the aoss service."""
    from botocore.auth import SigV4Auth  # in the Lambda runtime; imported here so the functions above test without it
    from botocore.awsrequest import AWSRequest
    import boto3

    data = body.encode("utf-8")
    url = endpoint.rstrip("/") + "/_bulk"
    # OpenSearch Serverless requires the payload's SHA-256 in x-amz-content-sha256.
    headers = {"Content-Type": "application/x-ndjson", "x-amz-content-sha256": hashlib.sha256(data).hexdigest()}
    request = AWSRequest(method="POST", url=url, data=data, headers=headers)
    SigV4Auth(boto3.Session().get_credentials(), "aoss", region).add_auth(request)
    with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=dict(request.headers), method="POST"),
                                timeout=50) as response:
        return json.loads(response.read())


def failures(result):
    """The error of every item the collection refused."""
    return [item for item in result.get("items", []) for action in item.values() if action.get("error")]


def handler(event, context):
    body = bulk_body(os.environ["INDEX"], documents(event.get("Records", [])))
    if not body:
        return {"indexed": 0}
    result = send(os.environ["COLLECTION_ENDPOINT"], os.environ["AWS_REGION"], body)
    failed = failures(result)
    if failed:
        raise RuntimeError("the collection refused %d documents, first: %s" % (len(failed), json.dumps(failed[0])[:500]))
    return {"indexed": body.count("\n") // 2}
