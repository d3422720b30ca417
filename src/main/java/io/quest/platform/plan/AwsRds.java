package io.quest.platform.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What RDS computes for its clusters and instances, in its formats: ARNs ({@code arn:aws:rds:<region>:<account>:cluster:<id>},
 * {@code :db:<id>}), endpoints ({@code <id>.cluster-<12 characters>.<region>.rds.amazonaws.com}, the per-account-and-region
 * part RDS derives), resource IDs ({@code cluster-}/{@code db-} and 26 upper-case characters), and, with
 * {@code manageMasterUserPassword}, the master secret RDS creates ({@code rds!cluster-<uuid>} / {@code rds!db-<uuid>}).
 */
final class AwsRds {

    private AwsRds() {
    }

    static void computed(String type, String physical, Map<String, Object> inputs, Map<String, Object> state, AwsIds.Where w) {
        String a = w.account();
        String r = w.region();
        String hash = "c" + w.hex16().substring(0, 11);
        String resourceId = (w.hex16() + w.hex16()).substring(0, 26).toUpperCase(Locale.ROOT);
        switch (type) {
            case "aws:rds/cluster:Cluster" -> {
                state.put("arn", "arn:aws:rds:" + r + ":" + a + ":cluster:" + physical);
                state.put("endpoint", physical + ".cluster-" + hash + "." + r + ".rds.amazonaws.com");
                state.put("readerEndpoint", physical + ".cluster-ro-" + hash + "." + r + ".rds.amazonaws.com");
                state.put("port", 5432);
                state.put("clusterResourceId", "cluster-" + resourceId);
                masterSecret(inputs, state, "cluster", w);
            }
            case "aws:rds/instance:Instance" -> {
                String address = physical + "." + hash + "." + r + ".rds.amazonaws.com";
                state.put("arn", "arn:aws:rds:" + r + ":" + a + ":db:" + physical);
                state.put("address", address);
                state.put("endpoint", address + ":5432");
                state.put("port", 5432);
                state.put("resourceId", "db-" + resourceId);
                masterSecret(inputs, state, "db", w);
            }
            default -> {
                state.put("arn", "arn:aws:rds:" + r + ":" + a + ":db:" + physical);
                state.put("endpoint", physical + "." + hash + "." + r + ".rds.amazonaws.com");
                state.put("port", 5432);
            }
        }
    }

    private static void masterSecret(Map<String, Object> inputs, Map<String, Object> state, String kind, AwsIds.Where w) {
        if (!Boolean.TRUE.equals(inputs.get("manageMasterUserPassword"))) {
            return;
        }
        String h = w.hex16() + w.hex16();
        String uuid = h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20, 32);
        state.put("masterUserSecrets", List.of(Map.of(
                "secretArn", "arn:aws:secretsmanager:" + w.region() + ":" + w.account() + ":secret:rds!" + kind + "-" + uuid + "-" + h.substring(0, 6),
                "kmsKeyId", String.valueOf(inputs.getOrDefault("masterUserSecretKmsKeyId", "")),
                "secretStatus", "active")));
    }
}
