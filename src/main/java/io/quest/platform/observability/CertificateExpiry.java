package io.quest.platform.observability;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * An alarm before a certificate ACM does not renew expires. ACM publishes {@code DaysToExpiry} in the
 * {@code AWS/CertificateManager} namespace once a day per certificate, with the dimension {@code CertificateArn}, in
 * the certificate's region (https://docs.aws.amazon.com/acm/latest/userguide/cloudwatch-metrics.html, read
 * 2026-12-02). The alarm takes the daily minimum and goes off when it reaches the configured days; a day without a data
 * point (the certificate deleted or replaced) counts as breaching, so a silent metric is not mistaken for a healthy one.
 */
final class CertificateExpiry {

    static final String NAMESPACE = "AWS/CertificateManager";
    static final String METRIC = "DaysToExpiry";

    private CertificateExpiry() {
    }

    /** Registers the alarm under {@code parent}. */
    static MetricAlarm register(Monitoring parent, String name, MonitoringArgs args, MonitoringArgs.ExpiringCertificate certificate,
                                Output<List<String>> notify) {
        return new MetricAlarm(name + "-certificate-expiry", MetricAlarmArgs.builder()
                .alarmDescription("The " + args.environment() + " load balancer's certificate expires within "
                        + certificate.alarmDays() + " days and ACM does not renew it: "
                        + (args.certificateRenewal().isPresent()
                        ? "its Let's Encrypt renewal job has not renewed it; read the job's logs (docs/service.md, Let's Encrypt)"
                        : "import a renewed certificate (docs/service.md, rotating an imported certificate)"))
                .namespace(NAMESPACE)
                .metricName(METRIC)
                .dimensions(certificate.arn().applyValue(arn -> Map.of("CertificateArn", arn)))
                .statistic("Minimum")
                .period(86_400)
                .evaluationPeriods(1)
                .threshold((double) certificate.alarmDays())
                .comparisonOperator("LessThanOrEqualToThreshold")
                .treatMissingData("breaching")
                .alarmActions(notify)
                .okActions(notify)
                .tags(args.tags().named(name + "-certificate-expiry"))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
