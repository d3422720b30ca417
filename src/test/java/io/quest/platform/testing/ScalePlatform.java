package io.quest.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A platform of one shared stack and N environments, as stack files: each environment its own account
 * ({@code 2000000000NN}), VPC range ({@code 10.NN.0.0/16}), domain and service, shaped like the repository's dev
 * stack. The scale test plans a few of them; {@code scripts/benchmark-plan.sh} writes ten with {@link #main} and
 * times the whole plan.
 */
public final class ScalePlatform {

    private ScalePlatform() {
    }

    /** The stack name of environment {@code n} (1-based): {@code env01}, {@code env02}, ... */
    public static String environment(int n) {
        return String.format("env%02d", n);
    }

    /** The account of environment {@code n}. */
    public static String account(int n) {
        return String.format("2000000000%02d", n);
    }

    /** Stack files by stack name: {@code shared} first, then the environments. */
    public static Map<String, String> stackFiles(int environments) {
        if (environments < 1 || environments > 99) {
            throw new IllegalArgumentException("environments must be 1 to 99, got " + environments);
        }
        StringBuilder accounts = new StringBuilder("    shared: \"111111111111\"\n");
        for (int n = 1; n <= environments; n++) {
            accounts.append("    ").append(environment(n)).append(": \"").append(account(n)).append("\"\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("shared", """
                config:
                  aws:region: eu-west-1
                  quest-platform:account: "111111111111"
                  quest-platform:owner: platform-team
                  quest-platform:production: true
                  quest-platform:accounts:
                %s  quest-platform:bootstrapRole: OrganizationAccountAccessRole
                  quest-platform:ciRepository: acme/quest-platform
                  quest-platform:allowedRegions: [eu-west-1]
                  quest-platform:registry:
                    name: quest/web
                    keepImages: 50
                """.formatted(accounts));
        for (int n = 1; n <= environments; n++) {
            files.put(environment(n), """
                    config:
                      aws:region: eu-west-1
                      quest-platform:account: "%s"
                      quest-platform:owner: platform-team
                      quest-platform:network:
                        cidr: 10.%d.0.0/16
                        availabilityZones: 2
                        natGateways: single
                      quest-platform:service:
                        image:
                          tag: "1.0.0"
                        containerPort: 3000
                        cpu: 256
                        memoryMiB: 512
                        desiredCount: 1
                        healthCheckPath: /
                      quest-platform:tls:
                        mode: acm
                        domainName: quest-%s.example.com
                        hostedZoneId: Z00000000000000000%02d
                      quest-platform:monitoring:
                        emails: [platform-oncall@example.com]
                    """.formatted(account(n), n, environment(n), n));
        }
        return files;
    }

    /** Writes {@code Pulumi.yaml} (copied from {@code args[2]}, default the working directory's) and the stack files of {@code args[1]} environments into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int environments = Integer.parseInt(args[1]);
        Path project = Path.of(args.length > 2 ? args[2] : ".").resolve("Pulumi.yaml");
        Files.createDirectories(dir);
        Files.copy(project, dir.resolve("Pulumi.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Map.Entry<String, String> e : stackFiles(environments).entrySet()) {
            Files.writeString(dir.resolve("Pulumi." + e.getKey() + ".yaml"), e.getValue());
        }
    }
}
