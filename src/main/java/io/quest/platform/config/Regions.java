package io.quest.platform.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The availability zones of the regions Quest Platform knows, so that the shape of a network is decided
 * from configuration alone, without asking AWS at plan time. A region not listed here works when its
 * zones are named in {@code quest-platform:network.availabilityZones}.
 */
public final class Regions {

    // AZ names as most accounts see them (source: AWS "Regions and Zones" documentation, 2026).
    // An account can be missing a zone (us-west-1, ap-northeast-1): name the zones explicitly there.
    private static final Map<String, List<String>> ZONES = new TreeMap<>(Map.ofEntries(
            Map.entry("us-east-1", List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f")),
            Map.entry("us-east-2", List.of("us-east-2a", "us-east-2b", "us-east-2c")),
            Map.entry("us-west-1", List.of("us-west-1a", "us-west-1c")),
            Map.entry("us-west-2", List.of("us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d")),
            Map.entry("ca-central-1", List.of("ca-central-1a", "ca-central-1b", "ca-central-1d")),
            Map.entry("eu-west-1", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")),
            Map.entry("eu-west-2", List.of("eu-west-2a", "eu-west-2b", "eu-west-2c")),
            Map.entry("eu-west-3", List.of("eu-west-3a", "eu-west-3b", "eu-west-3c")),
            Map.entry("eu-central-1", List.of("eu-central-1a", "eu-central-1b", "eu-central-1c")),
            Map.entry("eu-north-1", List.of("eu-north-1a", "eu-north-1b", "eu-north-1c")),
            Map.entry("eu-south-1", List.of("eu-south-1a", "eu-south-1b", "eu-south-1c")),
            Map.entry("ap-south-1", List.of("ap-south-1a", "ap-south-1b", "ap-south-1c")),
            Map.entry("ap-southeast-1", List.of("ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c")),
            Map.entry("ap-southeast-2", List.of("ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c")),
            Map.entry("ap-northeast-1", List.of("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d")),
            Map.entry("ap-northeast-2", List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d")),
            Map.entry("sa-east-1", List.of("sa-east-1a", "sa-east-1b", "sa-east-1c"))));

    /**
     * Every region AWS runs, commercial, GovCloud and China (source: "AWS Region billing codes",
     * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html, read
     * 2026-12-02). A name outside this list is refused: the AWS provider would fail on it at {@code pulumi up}.
     */
    private static final java.util.Set<String> ALL = java.util.Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1",
            "af-south-1",
            "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
            "ap-southeast-7",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1", "sa-east-1",
            "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1");

    private Regions() {
    }

    /** Whether AWS runs a region of this name. */
    public static boolean exists(String region) {
        return ALL.contains(region);
    }

    public static Optional<List<String>> zones(String region) {
        return Optional.ofNullable(ZONES.get(region));
    }

    public static String known() {
        return String.join(", ", ZONES.keySet());
    }
}
