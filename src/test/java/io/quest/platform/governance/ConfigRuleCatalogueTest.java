package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.identity.PermissionsBoundary;
import io.quest.platform.identity.PasswordPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue against AWS's published list of managed rules (test data in {@code src/test/resources/aws-config},
 * with its source): a misspelt identifier or parameter would fail {@code pulumi up}.
 */
class ConfigRuleCatalogueTest {

    private static List<String> publishedNames;
    private static Map<String, String[]> documented;

    @BeforeAll
    static void readPublishedList() throws IOException {
        publishedNames = lines("/aws-config/managed-rules.txt");
        documented = new HashMap<>();
        for (String line : lines("/aws-config/managed-rule-identifiers.tsv")) {
            String[] columns = line.split("\t");
            documented.put(columns[0], columns);
        }
    }

    @Test
    void the_published_list_is_read_whole_without_duplicates() {
        assertThat(publishedNames).hasSize(191).doesNotHaveDuplicates().contains("restricted-ssh", "vpc-flow-logs-enabled");
    }

    @Test
    void the_catalogue_has_at_least_fifteen_rules_each_once() {
        List<ManagedRule> rules = ConfigRuleCatalogue.all();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(15);
        assertThat(rules).extracting(ManagedRule::name).doesNotHaveDuplicates();
        assertThat(rules).extracting(ManagedRule::identifier).doesNotHaveDuplicates();
    }

    @Test
    void every_rule_is_in_aws_list_of_managed_rules_under_its_documented_identifier() {
        List<ManagedRule> rules = ConfigRuleCatalogue.all();
        assertThat(rules).hasSize(24);
        for (ManagedRule rule : rules) {
            assertThat(publishedNames).as("AWS's list of managed rules").contains(rule.name());
            assertThat(documented).as("the page of " + rule.name()).containsKey(rule.name());
            assertThat(rule.identifier()).as("identifier of " + rule.name()).isEqualTo(documented.get(rule.name())[1]);
        }
    }

    @Test
    void identifiers_that_differ_from_their_names_are_the_documented_ones() {
        assertThat(ConfigRuleCatalogue.byIdentifier("INCOMING_SSH_DISABLED")).get().extracting(ManagedRule::name).isEqualTo("restricted-ssh");
        assertThat(ConfigRuleCatalogue.byIdentifier("RESTRICTED_INCOMING_TRAFFIC")).get().extracting(ManagedRule::name).isEqualTo("restricted-common-ports");
        assertThat(ConfigRuleCatalogue.byIdentifier("MULTI_REGION_CLOUD_TRAIL_ENABLED")).get().extracting(ManagedRule::name).isEqualTo("multi-region-cloudtrail-enabled");
    }

    @Test
    void every_parameter_is_one_the_rule_documents() {
        int withParameters = 0;
        for (ManagedRule rule : ConfigRuleCatalogue.forStack(PasswordPolicy.BASELINE, Set.of(), true)) {
            if (rule.parameters().isEmpty()) {
                continue;
            }
            withParameters++;
            List<String> known = Arrays.asList(documented.get(rule.name())[2].split(","));
            assertThat(known).as("parameters of " + rule.name()).containsAll(rule.parameters().keySet());
        }
        assertThat(withParameters).isEqualTo(5);
    }

    @Test
    void the_admin_access_rule_leaves_out_permissions_boundaries_so_the_platform_s_own_boundary_is_not_flagged_forever() throws Exception {
        ManagedRule rule = ConfigRuleCatalogue.byIdentifier("IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS").orElseThrow();
        assertThat(rule.parameters()).isEqualTo(Map.of("excludePermissionBoundaryPolicy", "true"));
        // the boundary is exactly what the rule would flag: an Allow of "*" on "*", narrowed by denies
        JsonNode allow = new ObjectMapper().readTree(PermissionsBoundary.document(Partition.AWS, "222222222222", List.of("eu-west-1"),
                "OrganizationAccountAccessRole").toJson()).get("Statement").get(0);
        assertThat(allow.get("Effect").asText()).isEqualTo("Allow");
        assertThat(allow.get("Action").asText()).isEqualTo("*");
        assertThat(allow.get("Resource").asText()).isEqualTo("*");
    }

    @Test
    void the_password_rule_checks_exactly_the_policy_the_stack_sets() {
        ManagedRule rule = ConfigRuleCatalogue.forStack(new PasswordPolicy(20, 30), Set.of(), true).stream()
                .filter(r -> r.identifier().equals("IAM_PASSWORD_POLICY")).findFirst().orElseThrow();
        assertThat(rule.parameters()).containsEntry("MinimumPasswordLength", "20").containsEntry("MaxPasswordAge", "30")
                .containsEntry("PasswordReusePrevention", "24")
                // AWS reads these case-sensitively: only a lower-case "true" is true
                .containsEntry("RequireSymbols", "true").containsEntry("RequireNumbers", "true")
                .containsEntry("RequireUppercaseCharacters", "true").containsEntry("RequireLowercaseCharacters", "true");
    }

    @Test
    void a_disabled_rule_is_left_out_and_account_wide_rules_run_in_the_home_region_only() {
        List<ManagedRule> home = ConfigRuleCatalogue.forStack(PasswordPolicy.BASELINE, Set.of("INCOMING_SSH_DISABLED"), true);
        assertThat(home).hasSize(23).extracting(ManagedRule::identifier).doesNotContain("INCOMING_SSH_DISABLED");

        List<ManagedRule> elsewhere = ConfigRuleCatalogue.forStack(PasswordPolicy.BASELINE, Set.of(), false);
        assertThat(elsewhere).hasSize(12).noneMatch(ManagedRule::accountWide)
                .extracting(ManagedRule::identifier).doesNotContain("ROOT_ACCOUNT_MFA_ENABLED", "IAM_PASSWORD_POLICY");
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = ConfigRuleCatalogueTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
