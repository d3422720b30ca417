package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform loader reports every problem of every stack in one message, before anything is planned:
 * a broken file never hides another stack's problems, a stack's own mistake never hides a conflict
 * between stacks, and AWS's rules are refused before AWS sees them.
 */
class PlatformLoadTest {

    private static final String DEV = PlanFixture.environment("222222222222", "10.10.0.0/16");

    @Test
    void an_unreadable_file_and_a_conflict_between_other_stacks_are_reported_together() {
        String message = PlanFixture.failure(Map.of(
                "shared", PlanFixture.SHARED,
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/16").replace("eu-west-1", "eu-west-1\n  quest-platform:owner: [a"),
                "prod", PlanFixture.environment("333333333333", "10.20.0.0/16") + "  quest-platform:monitoring: {}\n",
                "test", PlanFixture.environment("444444444444", "10.20.128.0/17")));

        assertThat(message).contains(
                "stack dev has a configuration problem:\n  Pulumi.dev.yaml:",
                "is not valid YAML",
                "stack prod has a configuration problem:\n  quest-platform:monitoring: is set, but the environment runs no service",
                "the platform's stacks do not fit together:\n  quest-platform:network.cidr: \"10.20.128.0/17\" of stack test overlaps \"10.20.0.0/16\" of stack prod");
    }

    @Test
    void a_stack_that_reads_itself_is_told_so_and_a_missing_stack_is_named_with_its_key() {
        String message = PlanFixture.failure(Map.of(
                "shared", PlanFixture.SHARED,
                "dev", DEV.replace("config:\n", "config:\n  quest-platform:sharedStack: organization/quest-platform/dev\n"),
                "prod", PlanFixture.environment("333333333333", "10.20.0.0/16", "fromStack: organization/quest-platform/prod-network")
                        .replace("    cidr: 10.20.0.0/16\n", "")));

        assertThat(message)
                .contains("quest-platform:sharedStack: \"organization/quest-platform/dev\" names stack dev itself; a stack cannot read its own outputs")
                .contains("quest-platform:network.fromStack: \"organization/quest-platform/prod-network\" names stack prod-network, which has no"
                        + " Pulumi.prod-network.yaml here; expected one of [dev, shared]")
                .doesNotContain("cycle");
    }

    @Test
    void a_declared_key_a_stack_lacks_is_named_once_in_the_cli_words() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", DEV.replace("  quest-platform:account: \"222222222222\"\n", "")));

        assertThat(message).contains("stack dev has a configuration problem:\n  Pulumi.dev.yaml: Stack 'dev' is missing configuration value 'account'"
                + " (declared in Pulumi.yaml without a default)").doesNotContain("quest-platform:account: is required");
    }

    @Test
    void a_misspelt_namespace_is_reported_with_the_likely_key() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", DEV + "  quest-platfrom:owner: team-a\n"));

        assertThat(message).contains("quest-platfrom:owner: is in namespace \"quest-platfrom\", which nothing in this project reads, so it would be"
                + " ignored; expected a key of quest-platform, aws, pulumi; did you mean quest-platform:owner?");
    }

    @Test
    void tags_aws_refuses_are_refused_with_how_many_may_be_added() {
        StringBuilder many = new StringBuilder("  quest-platform:tags:\n");
        for (int i = 0; i < 44; i++) {
            many.append("    team").append(i).append(": x\n");
        }
        String tooMany = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", DEV + many));
        String bad = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", DEV
                + "  quest-platform:tags: {AWS:team: a, cost#centre: b, project: c}\n"));

        assertThat(tooMany).contains("quest-platform:tags: adds 44 tags; expected at most 43, because AWS allows 50 per resource and the platform sets 7 itself");
        assertThat(bad).contains(
                "quest-platform:tags.AWS:team: \"AWS:team\" is not a tag key AWS accepts: the aws: prefix is reserved for AWS in any letter case",
                "quest-platform:tags.cost#centre: \"cost#centre\" is not a tag key AWS accepts; expected letters, digits, spaces and _ . : / = + - @ only",
                "quest-platform:tags.project: \"project\" is a tag the platform sets itself");
    }

    @Test
    void a_region_aws_does_not_run_is_refused_even_with_its_zones_named() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev",
                PlanFixture.environment("222222222222", "10.10.0.0/16", "availabilityZones: [eu-west-9a, eu-west-9b]").replace("aws:region: eu-west-1", "aws:region: eu-west-9")));

        assertThat(message).contains("aws:region: \"eu-west-9\" is not a region AWS runs; expected a region code such as eu-west-1");
    }

    @Test
    void a_private_key_or_webhook_in_plain_text_is_refused_without_showing_it() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", DEV + """
                  quest-platform:service: {image: {tag: "1.0.0"}}
                  quest-platform:tls:
                    mode: imported
                    certificateBody: "-----BEGIN CERTIFICATE-----"
                    privateKey: "-----BEGIN PRIVATE KEY----- hunter2"
                  quest-platform:monitoring: {webhookUrl: "https://hooks.example.com/hunter2"}
                """));

        assertThat(message)
                .contains("quest-platform:tls.privateKey: is in plain text in the stack file (value not shown); it must be secret: remove it and set it with"
                        + " pulumi config set --secret --path quest-platform:tls.privateKey <value>")
                .contains("quest-platform:monitoring.webhookUrl: is in plain text in the stack file (value not shown)")
                .doesNotContain("hunter2");
    }

    @Test
    void an_acm_name_longer_than_64_octets_is_refused() {
        String name = "a".repeat(60) + ".example.com";
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", DEV + """
                  quest-platform:service: {image: {tag: "1.0.0"}}
                  quest-platform:tls: {mode: acm, domainName: %s, hostedZoneId: Z0123456789ABCDEFGHIJ}
                """.formatted(name)));

        assertThat(message).contains("quest-platform:tls.domainName: \"" + name + "\" is 72 characters long; ACM takes at most 64");
    }
}
