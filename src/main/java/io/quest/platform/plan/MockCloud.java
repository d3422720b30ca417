package io.quest.platform.plan;

import com.pulumi.test.Mocks;
import io.quest.platform.config.Regions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A cloud that answers the program the way AWS would, without AWS: IDs in AWS's formats (vpc-0…,
 * subnet-0…, sg-0…), ARNs in the stack's own account and region, physical names autonamed as Pulumi
 * does ({@code logical-name} plus {@code -} and 7 hex characters), the computed outputs later resources
 * read (DNS names, repository URLs, ARN suffixes), the data sources the program calls, and the outputs
 * of other stacks for stack references. Everything is derived from the resource's identity, so the same
 * program gives the same answers on every run.
 *
 * <p>Like AWS, it refuses names AWS would refuse (a load balancer name over 32 characters, for
 * example), so such a mistake fails the plan rather than {@code pulumi up}.
 */
public final class MockCloud implements Mocks {

    private final String stack;
    private final String accountId;
    private final String region;
    private final Map<String, StackPlan> planned;
    /** The account each explicit provider is pinned to ({@code allowedAccountIds}), by provider ID. */
    private final Map<String, String> providerAccounts = new java.util.concurrent.ConcurrentHashMap<>();
    /** The planned stacks the program read through stack references, by the name it read them under. */
    private final Map<String, StackPlan> read = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param planned stacks already planned, by fully qualified name and by local name, whose outputs
     *                answer stack references
     */
    public MockCloud(String stack, String accountId, String region, Map<String, StackPlan> planned) {
        this.stack = stack;
        this.accountId = accountId;
        this.region = region;
        this.planned = Map.copyOf(planned);
    }

    /** The planned stacks the program has read through stack references, by the name it read them under. */
    public Map<String, StackPlan> stacksRead() {
        return Map.copyOf(read);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        try {
            return CompletableFuture.completedFuture(answer(args));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ResourceResult answer(ResourceArgs args) {
        String type = args.type;
        String name = args.name;
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        Map<String, Object> state = new HashMap<>(inputs);

        if (type.equals("pulumi:pulumi:StackReference")) {
            String ref = String.valueOf(inputs.getOrDefault("name", name));
            StackPlan source = planned.get(ref);
            if (source == null) {
                throw new PlanException("stack " + stack + " reads stack " + ref + ", which has not been planned");
            }
            read.put(ref, source);
            state.put("name", ref);
            state.put("outputs", source.outputValues());
            state.put("secretOutputNames", source.secretOutputs());
            return ResourceResult.of(Optional.of(ref), state);
        }
        if (type.startsWith("pulumi:providers:")) {
            String id = uuid(type, name);
            pinnedAccount(inputs.get("allowedAccountIds")).ifPresent(account -> providerAccounts.put(id, account));
            return ResourceResult.of(Optional.of(id), state);
        }

        AwsNames.check(type, name, inputs);
        String physical = physicalName(type, name, inputs);
        String id = AwsIds.id(type, physical, hex(type + name, 17));
        String account = accountOf(args.provider);
        AwsIds.computed(type, physical, id, inputs, state, new AwsIds.Where(account, region, hex(type + "/" + name, 16)));
        return ResourceResult.of(Optional.of(id), state);
    }

    /**
     * The account a resource lands in: the one its provider is pinned to (a provider that assumes a role in
     * a member account creates resources there), else the stack's own.
     */
    private String accountOf(String providerReference) {
        int separator = providerReference == null ? -1 : providerReference.lastIndexOf("::");
        if (separator < 0) {
            return accountId;
        }
        String providerId = providerReference.substring(separator + 2);
        return providerAccounts.getOrDefault(providerId, accountId);
    }

    /** The first of a provider's {@code allowedAccountIds}, which the engine hands over as JSON text. */
    private static Optional<String> pinnedAccount(Object allowedAccountIds) {
        Object value = allowedAccountIds;
        if (value instanceof String text && text.startsWith("[")) {
            try {
                value = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, List.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Optional.empty();
            }
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return Optional.of(String.valueOf(list.get(0)));
        }
        return Optional.empty();
    }

    /** The name AWS will know the resource by: the one given, a prefix plus a suffix, or Pulumi's autoname. */
    private String physicalName(String type, String name, Map<String, Object> inputs) {
        String nameKey = AwsIds.nameProperty(type);
        Object given = inputs.get(nameKey);
        if (given instanceof String s && !s.isEmpty()) {
            return s;
        }
        Object prefix = inputs.get(nameKey + "Prefix");
        if (prefix instanceof String p && !p.isEmpty()) {
            return p + hex(type + name, 26);
        }
        return AwsNames.autoname(name, hex(type + name, 7));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        try {
            return CompletableFuture.completedFuture(call(args));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Map<String, Object> call(CallArgs args) {
        Map<String, Object> in = args.args == null ? Map.of() : args.args;
        Map<String, Object> out = switch (String.valueOf(args.token)) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", accountId, "id", accountId, "userId", "AROA" + hex("caller", 17).toUpperCase(),
                    "arn", "arn:aws:sts::" + accountId + ":assumed-role/quest-deployer/quest-plan");
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region, "region", region,
                    "description", region, "endpoint", "ec2." + region + ".amazonaws.com");
            case "aws:index/getPartition:getPartition" -> Map.of("partition", "aws", "id", "aws",
                    "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                List<String> zones = Regions.zones(region).orElse(List.of(region + "a", region + "b", region + "c"));
                yield Map.of("names", zones, "id", region, "zoneIds", zones.stream().map(z -> z.replace(region, "euw1-az")).toList());
            }
            case "aws:ecr/getImage:getImage" -> Map.of(
                    "id", "sha256:" + hex("image/" + in.get("repositoryName") + ":" + in.get("imageTag"), 64),
                    "imageDigest", "sha256:" + hex("image/" + in.get("repositoryName") + ":" + in.get("imageTag"), 64),
                    "imageTags", in.containsKey("imageTag") ? List.of(in.get("imageTag")) : List.of(),
                    "registryId", String.valueOf(in.getOrDefault("registryId", accountId)),
                    "repositoryName", String.valueOf(in.getOrDefault("repositoryName", "")),
                    "imageUri", String.valueOf(in.getOrDefault("registryId", accountId)) + ".dkr.ecr." + region + ".amazonaws.com/"
                            + in.get("repositoryName") + "@sha256:" + hex("image/" + in.get("repositoryName") + ":" + in.get("imageTag"), 64));
            case "aws:ssm/getParameter:getParameter" -> ssmParameter(String.valueOf(in.get("name")));
            // The organisation's one IAM Identity Center instance, as ListInstances describes it to its administering account
            // (InstanceArn arn:aws:sso:::instance/ssoins-<16>, IdentityStoreId d-<10 hex>).
            case "aws:ssoadmin/getInstances:getInstances" -> Map.of("id", region,
                    "arns", List.of("arn:aws:sso:::instance/ssoins-" + stableHex("sso-instance|" + accountId, 16)),
                    "identityStoreIds", List.of("d-" + stableHex("identity-store|" + accountId, 10)));
            case "aws:identitystore/getGroup:getGroup" -> identityStoreGroup(in);
            // A hosted zone as GetHostedZone describes it, except its name: the offline plan cannot know which domain a zone
            // ID holds, so it answers none and the program's check of names against the zone waits for AWS's answer.
            case "aws:route53/getZone:getZone" -> hostedZone(String.valueOf(in.get("zoneId")));
            default -> Map.of();
        };
        return out;
    }

    /** A public hosted zone with this ID, whose name the offline plan does not know. */
    private static Map<String, Object> hostedZone(String zoneId) {
        Map<String, Object> zone = new HashMap<>();
        zone.put("id", zoneId);
        zone.put("zoneId", zoneId);
        zone.put("arn", "arn:aws:route53:::hostedzone/" + zoneId);
        zone.put("name", "");
        zone.put("callerReference", "");
        zone.put("comment", "");
        zone.put("linkedServiceDescription", "");
        zone.put("linkedServicePrincipal", "");
        zone.put("nameServers", List.of());
        zone.put("primaryNameServer", "");
        zone.put("privateZone", false);
        zone.put("resourceRecordSetCount", 2);
        zone.put("tags", Map.of());
        zone.put("vpcId", "");
        return zone;
    }

    /**
     * A public parameter AWS publishes: the latest Amazon Linux AMI IDs under {@code /aws/service/ami-amazon-linux-latest/}
     * (String parameters holding an ami- ID, as {@code aws ssm get-parameter} returns them). Any other parameter
     * is one this account would have to own, which the plan does not invent: the program fails as AWS would.
     */
    private Map<String, Object> ssmParameter(String name) {
        if (!name.startsWith("/aws/service/ami-amazon-linux-latest/")) {
            throw new PlanException("SSM parameter " + name + " does not exist in " + region + " (the plan knows only AWS's public AMI parameters)");
        }
        String ami = "ami-0" + stableHex(region + "|" + name, 16);
        return Map.of("id", name, "name", name, "type", "String", "value", ami, "insecureValue", ami, "version", 1,
                "arn", "arn:aws:ssm:" + region + "::parameter" + name, "withDecryption", true);
    }

    /**
     * A group of the Identity Store, found by its display name (GetGroupId with the {@code DisplayName} attribute): the
     * group ID is a UUID, stable per store and name. The plan assumes every group named in configuration exists, since
     * the organisation manages its groups; {@code pulumi preview} asks the real Identity Store.
     */
    private static Map<String, Object> identityStoreGroup(Map<String, Object> in) {
        String store = String.valueOf(in.getOrDefault("identityStoreId", ""));
        Object name = in.get("alternateIdentifier") instanceof Map<?, ?> alternate
                && alternate.get("uniqueAttribute") instanceof Map<?, ?> unique ? unique.get("attributeValue") : null;
        if (name == null) {
            throw new PlanException("identitystore.getGroup was called without a display name (alternateIdentifier.uniqueAttribute)");
        }
        String h = stableHex("group|" + store + "|" + name, 32);
        String groupId = h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
        return Map.of("id", groupId, "groupId", groupId, "displayName", String.valueOf(name), "identityStoreId", store,
                "description", "", "externalIds", List.of());
    }

    private String uuid(String type, String name) {
        String h = hex(type + "/" + name, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    /** Stable hex characters derived from the stack and a seed. */
    String hex(String seed, int length) {
        return stableHex(stack + "|" + seed, length);
    }

    static String stableHex(String seed, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder out = new StringBuilder();
            int round = 0;
            while (out.length() < length) {
                out.append(HexFormat.of().formatHex(sha.digest((seed + "#" + round++).getBytes(StandardCharsets.UTF_8))));
            }
            return out.substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
