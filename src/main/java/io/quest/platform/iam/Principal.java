package io.quest.platform.iam;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;

import java.util.Objects;

/** Who a statement is about: {@code {"Service": "..."}}, {@code {"AWS": "arn..."}}, {@code {"Federated": "..."}}. */
public record Principal(String type, String id) {

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Principal service(String servicePrincipal) {
        return new Principal("Service", servicePrincipal);
    }

    /** An AWS service, as the partition spells its principal. */
    public static Principal service(ServicePrincipal service, Partition partition) {
        return service(service.in(partition));
    }

    /** An AWS service's regional principal ({@code logs.eu-west-1.amazonaws.com}), as the region's partition spells it. */
    public static Principal regionalService(ServicePrincipal service, String region) {
        return service(service.regional(region));
    }

    public static Principal aws(String arn) {
        return new Principal("AWS", arn);
    }

    /** The root of an account: every identity in it that its own IAM policies allow. */
    public static Principal account(Partition partition, String accountId) {
        return new Principal("AWS", partition.iam(accountId, "root"));
    }

    /** Everyone: only for Deny statements and for conditions that narrow it. */
    public static Principal anyone() {
        return new Principal("*", "*");
    }

    public static Principal federated(String providerArn) {
        return new Principal("Federated", providerArn);
    }
}
