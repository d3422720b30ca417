#!/usr/bin/env python3
"""Rebuilds src/main/resources/prices/aws-prices.csv from AWS's public Price List Bulk API files.

Needs internet access and no AWS credentials: the offer files are public. For every region the platform
prices and every price the estimate uses, it downloads (once per service and region) the region's CSV offer
file from

    https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<service>/current/<region>/index.csv

(the CSV form of index.json: documented at
https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-ppslong.html), streams it row by row
(the AmazonEC2 file is over 400 MB), keeps the on-demand rows of the usage type below, and writes the
first paid tier's price with the file's URL, its publication date and today's date. A price the file does
not have is written with an empty usd cell and says so; the estimate then falls back to us-east-1 and
labels the item.

    python3 scripts/regenerate-prices.py                 # rewrite the table
    python3 scripts/regenerate-prices.py --check         # print differences, write nothing
"""
import argparse
import csv
import datetime
import io
import os
import sys
import urllib.request

BASE = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws"
TABLE = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "prices", "aws-prices.csv")
HOURS_PER_MONTH = 730

# The usage-type prefix AWS puts in front of a usage type in each region (us-east-1 has none, or USE1-).
REGION_PREFIX = {
    "us-east-1": "",
    "us-east-2": "USE2-",
    "us-west-2": "USW2-",
    "eu-west-1": "EU-",
    "eu-central-1": "EUC1-",
    "eu-west-2": "EUW2-",
    "ap-southeast-2": "APS2-",
}

# price key -> (service code, usage type without the region prefix, other attributes that must match,
#               what to multiply the file's unit price by to get the table's unit)
PRICES = {
    "nat-gateway-hour": ("AmazonEC2", "NatGateway-Hours", {}, 1),
    "nat-gateway-gb": ("AmazonEC2", "NatGateway-Bytes", {}, 1),
    "public-ipv4-hour": ("AmazonVPC", "PublicIPv4:InUseAddress", {}, 1),
    "interface-endpoint-az-hour": ("AmazonVPC", "VpcEndpoint-Hours", {}, 1),
    "alb-hour": ("AWSELB", "LoadBalancerUsage", {"operation": "LoadBalancing:Application"}, 1),
    "alb-lcu-hour": ("AWSELB", "LCUUsage", {"operation": "LoadBalancing:Application"}, 1),
    "fargate-vcpu-hour": ("AmazonECS", "Fargate-vCPU-Hours:perCPU", {}, 1),
    "fargate-gb-hour": ("AmazonECS", "Fargate-GB-Hours", {}, 1),
    "fargate-arm-vcpu-hour": ("AmazonECS", "Fargate-ARM-vCPU-Hours:perCPU", {}, 1),
    "fargate-arm-gb-hour": ("AmazonECS", "Fargate-ARM-GB-Hours", {}, 1),
    "ec2-t4g.nano-hour": ("AmazonEC2", "BoxUsage:t4g.nano", {"operatingsystem": "Linux", "tenancy": "Shared",
                                                            "preinstalledsw": "NA", "capacitystatus": "Used"}, 1),
    "ec2-t4g.micro-hour": ("AmazonEC2", "BoxUsage:t4g.micro", {"operatingsystem": "Linux", "tenancy": "Shared",
                                                              "preinstalledsw": "NA", "capacitystatus": "Used"}, 1),
    "ebs-gp3-gb-month": ("AmazonEC2", "EBS:VolumeUsage.gp3", {}, 1),
    "kms-key-month": ("awskms", "KMS-Keys", {}, 1),
    "cloudwatch-alarm-metric-month": ("AmazonCloudWatch", "CW:AlarmMonitorUsage", {}, 1),
    # Dashboards are billed by the hour in the Price List; the table keeps a month.
    "cloudwatch-dashboard-month": ("AmazonCloudWatch", "DashboardsUsageHour", {}, "per-month"),
    "synthetics-canary-run": ("AmazonCloudWatch", "CW:Canary-runs", {}, 1),
    "logs-ingest-gb": ("AmazonCloudWatch", "DataProcessing-Bytes", {}, 1),
    "logs-storage-gb-month": ("AmazonCloudWatch", "TimedStorage-ByteHrs", {}, 1),
    "config-item": ("AWSConfig", "ConfigurationItemRecorded", {}, 1),
    "config-rule-evaluation": ("AWSConfig", "ConfigRuleEvaluations", {}, 1),
    "guardduty-million-events": ("AmazonGuardDuty", "PaidEventsAnalyzed", {}, "per-million"),
    "securityhub-check": ("AWSSecurityHub", "PaidComplianceCheck", {}, 1),
    # The usage types below were not checked against a Price List file (none could be read when they were added); a
    # wrong one makes the row "not found" and the estimate falls back as for any missing price.
    "guardduty-runtime-vcpu-month": ("AmazonGuardDuty", "PaidECSFargateVcpuHours", {}, "per-month"),
    "waf-web-acl-month": ("awswaf", "WebACLV2", {}, 1),
    "waf-rule-month": ("awswaf", "RuleV2", {}, 1),
    "waf-million-requests": ("awswaf", "RequestV2-Tier1", {}, "per-million"),
    # Billed per event in the Price List; the table keeps 100,000.
    "cloudtrail-data-100k-events": ("AWSCloudTrail", "DataEventsRecorded", {}, 100_000),
}

HEADER = ["region", "price", "usd", "source", "read_on", "note"]


def norm(name):
    return "".join(ch for ch in name.lower() if ch.isalnum())


def offer_rows(service, region):
    """Yields (publication date, url, row as {normalised column: value}) for a service's regional CSV file."""
    url = f"{BASE}/{service}/current/{region}/index.csv"
    with urllib.request.urlopen(url, timeout=300) as response:
        text = io.TextIOWrapper(response, encoding="utf-8", newline="")
        reader = csv.reader(text)
        published = ""
        header = None
        for row in reader:
            if header is None:
                # Metadata lines ("FormatVersion", "Disclaimer", "Publication Date", ...) precede the header.
                if row and row[0] == "Publication Date":
                    published = row[1]
                if row and row[0] == "SKU":
                    header = [norm(c) for c in row]
                continue
            yield published, url, dict(zip(header, row))


def usage_matches(usage_type, wanted, region):
    prefix = REGION_PREFIX[region]
    if region == "us-east-1":
        return usage_type in (wanted, "USE1-" + wanted)
    return usage_type == prefix + wanted


def find(service, wanted, attributes, region, cache):
    key = (service, region)
    if key not in cache:
        cache[key] = list(select(service, region))
    candidates = []
    for published, url, row in cache[key]:
        if row.get("termtype") != "OnDemand" or not usage_matches(row.get("usagetype", ""), wanted, region):
            continue
        if any(row.get(norm(k), "") != v for k, v in attributes.items()):
            continue
        try:
            usd = float(row.get("priceperunit", ""))
            start = float(row.get("startingrange") or 0)
        except ValueError:
            continue
        if usd > 0:
            candidates.append((start, usd, row.get("unit", ""), published, url))
    if not candidates:
        return None
    return min(candidates)


def select(service, region):
    """Only the on-demand rows of the usage types the table needs, so the big files are not held in memory."""
    wanted = {spec[1] for spec in PRICES.values() if spec[0] == service}
    prefix = REGION_PREFIX[region]
    names = {prefix + w for w in wanted} | ({"USE1-" + w for w in wanted} | wanted if region == "us-east-1" else set())
    try:
        for published, url, row in offer_rows(service, region):
            if row.get("termtype") == "OnDemand" and row.get("usagetype") in names:
                yield published, url, row
    except OSError as e:
        print(f"warning: {service} {region}: {e}", file=sys.stderr)


def convert(usd, unit, factor):
    if factor == "per-month":
        return usd * HOURS_PER_MONTH if unit.lower().startswith("h") else usd
    if factor == "per-million":
        return usd * 1_000_000 if usd < 0.01 else usd
    return usd * factor


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="print the new table instead of writing it")
    args = parser.parse_args()
    today = datetime.date.today().isoformat()
    cache = {}
    out = io.StringIO()
    out.write("# On-demand list prices in USD, per region, with where and when each was read.\n")
    out.write("# Generated by scripts/regenerate-prices.py from AWS's Price List Bulk API files; an empty usd cell\n")
    out.write("# means the file had no such price: the estimate then uses the us-east-1 price and says so.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for region in REGION_PREFIX:
        for key, (service, usage, attributes, factor) in PRICES.items():
            hit = find(service, usage, attributes, region, cache)
            if hit is None:
                writer.writerow([region, key, "", f"{BASE}/{service}/current/{region}/index.csv", today,
                                 f"not found: no on-demand {REGION_PREFIX[region]}{usage} row"])
                continue
            start, usd, unit, published, url = hit
            price = convert(usd, unit, factor)
            writer.writerow([region, key, f"{price:.6g}", url, today,
                             f"usage type {REGION_PREFIX[region]}{usage}, {unit}, first paid tier; file published {published}"])
    if args.check:
        sys.stdout.write(out.getvalue())
    else:
        with open(TABLE, "w", encoding="utf-8") as f:
            f.write(out.getvalue())
        print(f"wrote {os.path.normpath(TABLE)}")


if __name__ == "__main__":
    main()
