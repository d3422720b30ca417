package io.quest.platform.release;

import io.quest.platform.Cli;
import io.quest.platform.plan.Platform;
import io.quest.platform.plan.Project;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code review PR} on a copy of the repository's stack files: the file it writes (where, what it says, that the project
 * plans with it), and each refusal with its message, exit 1, no stack trace and nothing written.
 */
class ReviewCommandTest {

    private Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyRepository() {
        Project project = PlanFixture.project(PlanFixture.repositoryStackFiles());
        dir = project.directory();
    }

    private int review(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--cwd";
        all[args.length + 1] = dir.toString();
        return new CommandLine(new ReviewCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(all);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writes_the_review_stack_beside_dev_in_the_cwd_project_and_the_project_plans_with_it() throws IOException {
        Instant before = Instant.now();

        assertThat(review("42")).as(stderr()).isZero();

        Path file = dir.resolve("Pulumi.pr-42.yaml");
        assertThat(file).exists();
        assertThat(Path.of("Pulumi.pr-42.yaml")).as("--cwd, not the working directory").doesNotExist();
        String text = Files.readString(file);
        assertThat(text).contains("quest-platform:role: review", "quest-platform:account: \"222222222222\"", "aws:region: eu-west-1",
                "pullRequest: 42", "hostName: pr-42.quest-dev.example.com", "hostedZoneId: Z00000000000000000DEV",
                "image: {promoteFrom: dev}", "containerPort: 3000", "desiredCount: 1",
                "secretsprovider: awskms://alias/quest-platform-state?region=eu-west-1");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Pulumi.pr-42.yaml: review stack pr-42 of pull request #42",
                "https://pr-42.quest-dev.example.com");

        var review = Platform.load(dir).configs().get("pr-42").review();
        Instant expires = Instant.parse(review.expiresAt());
        assertThat(Duration.between(before, expires)).isBetween(Duration.ofDays(7).minusSeconds(5), Duration.ofDays(7).plusMinutes(5));
        assertThat(review.rulePriority()).isEqualTo(42);
    }

    @Test
    void ttl_days_sets_the_expiry_and_a_second_run_rewrites_its_own_file() {
        assertThat(review("42")).isZero();
        Instant before = Instant.now();
        assertThat(review("42", "--ttl-days", "2")).as(stderr()).isZero();

        Instant expires = Instant.parse(Platform.load(dir).configs().get("pr-42").review().expiresAt());
        assertThat(Duration.between(before, expires)).isBetween(Duration.ofDays(2).minusSeconds(5), Duration.ofDays(2).plusMinutes(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "abc", "4.2", "42x", "1e3", "9999999999"})
    void refuses_what_is_not_a_pull_request_number_naming_the_value(String number) {
        assertThat(review(number)).isEqualTo(1);

        assertThat(stderr()).startsWith("error: pull request number: \"" + number + "\" is not a pull request number;"
                + " expected a positive whole number such as 42");
        assertThat(stderr()).doesNotContain("Exception", "\tat ");
        assertThat(dir.toFile().list((d, name) -> name.startsWith("Pulumi.pr-"))).isEmpty();
    }

    @Test
    void refuses_to_overwrite_a_file_that_is_not_this_pull_requests_review_stack() throws IOException {
        Path file = dir.resolve("Pulumi.pr-42.yaml");
        String mine = "# somebody's own stack\nconfig:\n  aws:region: eu-west-1\n";
        Files.writeString(file, mine);

        assertThat(review("42")).isEqualTo(1);

        assertThat(stderr()).contains("error: Pulumi.pr-42.yaml exists and is not the review stack of pull request #42",
                "review will not overwrite it: move or delete it first");
        assertThat(Files.readString(file)).isEqualTo(mine);
    }

    @Test
    void refuses_the_review_file_of_another_pull_request_under_this_name() throws IOException {
        assertThat(review("7")).isZero();
        Path file = dir.resolve("Pulumi.pr-42.yaml");
        Files.writeString(file, Files.readString(dir.resolve("Pulumi.pr-7.yaml")));

        assertThat(review("42")).isEqualTo(1);
        assertThat(stderr()).contains("is not the review stack of pull request #42");
    }

    @Test
    void refuses_production_and_stacks_without_a_service_as_the_environment() {
        assertThat(review("42", "--environment", "prod")).isEqualTo(1);
        assertThat(stderr()).contains("error: --environment: stack prod is production; a review environment borrows the network and"
                + " load balancer of a non-production environment stack that runs a service, such as dev");

        err.reset();
        assertThat(review("42", "--environment", "dev-data")).isEqualTo(1);
        assertThat(stderr()).contains("--environment: stack dev-data is a data stack");

        err.reset();
        assertThat(review("42", "--environment", "staging")).isEqualTo(1);
        assertThat(stderr()).contains("--environment: no stack staging; expected an environment stack, one of [dev, prod]");
        assertThat(dir.resolve("Pulumi.pr-42.yaml")).doesNotExist();
    }

    @Test
    void refuses_a_lifetime_outside_one_to_ninety_days() {
        assertThat(review("42", "--ttl-days", "0")).isEqualTo(1);
        assertThat(stderr()).contains("error: --ttl-days: 0 is not a review environment's lifetime; expected 1 to 90 days");
        assertThat(dir.resolve("Pulumi.pr-42.yaml")).doesNotExist();
    }

    @Test
    void the_command_line_knows_review_and_fails_with_exit_1_on_a_bad_number() {
        assertThat(Cli.execute("review", "zero", "--cwd", dir.toString())).isEqualTo(1);
        assertThat(Cli.execute("review", "--cwd", dir.toString())).as("the number is required").isEqualTo(1);
        assertThat(Cli.execute("review", "5", "--cwd", dir.toString())).isZero();
        assertThat(dir.resolve("Pulumi.pr-5.yaml")).exists();
    }
}
