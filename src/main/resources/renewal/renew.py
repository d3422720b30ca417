# Obtains or renews the load balancer's Let's Encrypt certificate. Quest Platform's renewal task runs it with
# `python3 -c` in the certbot/dns-route53 image (which carries boto3, the Route 53 plugin's own dependency), so the
# image needs nothing added. Every input is an environment variable of the task definition.
#
# 1. Read the certificate the listener serves (ACM DescribeCertificate) and the secret's record of it.
# 2. Nothing to do when it is for the configured names, from the configured ACME directory, and more than
#    RENEW_DAYS from expiry: record a successful check and stop.
# 3. Otherwise certbot obtains a new certificate (DNS-01 through Route 53, a new ECDSA P-256 key), the secret keeps
#    it with its key, and ACM re-imports it under the same ARN, so the listener serves it at once.
# Any failure exits non-zero, which ECS reports as a stopped task and the success metric misses: both alarm.
import datetime
import json
import os
import subprocess
import sys

import boto3

env = os.environ
names = [n.strip().lower() for n in env["DOMAINS"].split(",") if n.strip()]
arn = env["CERTIFICATE_ARN"]
server = env["ACME_SERVER"]
work = "/tmp/letsencrypt"
acm = boto3.client("acm")
secrets = boto3.client("secretsmanager")


def succeeded(outcome):
    boto3.client("cloudwatch").put_metric_data(Namespace=env["METRIC_NAMESPACE"], MetricData=[{
        "MetricName": env["METRIC_NAME"],
        "Dimensions": [{"Name": "Certificate", "Value": env["METRIC_CERTIFICATE"]}],
        "Value": 1.0,
        "Unit": "Count"}])
    print(outcome, flush=True)


def recorded_server():
    try:
        value = secrets.get_secret_value(SecretId=env["SECRET_ID"])
    except secrets.exceptions.ResourceNotFoundException:
        return None  # a new secret has no value until the first issuance
    return json.loads(value["SecretString"]).get("server")


served = acm.describe_certificate(CertificateArn=arn)["Certificate"]
served_names = sorted({n.lower() for n in served.get("SubjectAlternativeNames", [served.get("DomainName", "")])})
days_left = (served["NotAfter"] - datetime.datetime.now(datetime.timezone.utc)).days
due = []
if served_names != sorted(set(names)):
    due.append("it is for " + ", ".join(served_names) + ", not " + ", ".join(sorted(set(names))))
if days_left <= int(env["RENEW_DAYS"]):
    due.append("it expires in " + str(days_left) + " days")
if recorded_server() != server:
    due.append("it was not issued by " + server)
if not due:
    succeeded("The certificate is current: " + str(days_left) + " days left; nothing to do.")
    sys.exit(0)

print("Obtaining a new certificate because " + "; ".join(due) + ".", flush=True)
command = ["certbot", "certonly", "--non-interactive", "--agree-tos", "--email", env["ACME_EMAIL"], "--no-eff-email",
           "--server", server, "--dns-route53", "--key-type", "ecdsa", "--elliptic-curve", "secp256r1",
           "--cert-name", "quest", "--config-dir", work, "--work-dir", work + "/work", "--logs-dir", work + "/logs"]
for name in names:
    command += ["--domain", name]
subprocess.run(command, check=True)

live = work + "/live/quest/"


def read(file):
    with open(live + file) as f:
        return f.read()


certificate, chain, key = read("cert.pem"), read("chain.pem"), read("privkey.pem")
# The secret keeps the key before ACM serves it: a failed import leaves the key known, never lost.
secrets.put_secret_value(SecretId=env["SECRET_ID"], SecretString=json.dumps({
    "server": server, "names": names, "certificate": certificate, "chain": chain, "privateKey": key}))
acm.import_certificate(CertificateArn=arn, Certificate=certificate.encode(), PrivateKey=key.encode(),
                       CertificateChain=chain.encode())
succeeded("Imported a new certificate for " + ", ".join(names) + " into " + arn + ".")
