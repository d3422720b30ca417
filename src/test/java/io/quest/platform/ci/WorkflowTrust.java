package io.quest.platform.ci;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.databind.JsonNode;
import io.quest.platform.config.ProviderRole;
import io.quest.platform.identity.PlatformRole;
import io.quest.platform.plan.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the workflows with the offline plan: for every job that asks for an OIDC token ({@code id-token: write}),
 * and every matrix row of it, the subject GitHub will present ({@link OidcToken}), the roles of the plan whose
 * trust admits it ({@link Admission}), and the role the job needs for what it runs. A job that deploys stack S
 * needs the one role that may assume exactly the deployer of S's account; a job that previews stacks needs the
 * one role that may assume exactly their accounts' previewers. Anything else is a problem: no role, another role,
 * two roles, a role that admits more than that subject, a role with more permissions, a credentials step that
 * assumes another ARN, or a provider role switch that does not match.
 */
final class WorkflowTrust {

    /** One token a job instance presents, and the role that admits it. */
    record Grant(String job, Map<String, String> row, String subject, String roleArn, String does, List<String> stacks) {
    }

    private static final String CREDENTIALS = "aws-actions/configure-aws-credentials@";
    private static final Pattern STEP_OUTPUT = Pattern.compile("\\$\\{\\{\\s*steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)\\s*}}");

    private final CiStacks ci;
    private final List<PlannedRole> roles;
    private final List<String> providers;
    private final List<String> problems = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();

    private WorkflowTrust(CiStacks ci, Plan plan) {
        this.ci = ci;
        this.roles = PlannedRole.all(plan);
        this.providers = PlannedRole.githubProviders(plan);
    }

    /** Checks every workflow against the plan of the project CI runs for. */
    static WorkflowTrust check(List<Workflow> workflows, CiStacks ci, Plan plan) {
        WorkflowTrust check = new WorkflowTrust(ci, plan);
        for (Workflow workflow : workflows) {
            if (workflow.events().equals(Set.of("workflow_call"))) {
                continue; // runs as the calling repository, with that repository's subjects: ImageWorkflowTest
            }
            for (WorkflowJob job : workflow.jobs()) {
                if (job.permissions().isEmpty()) {
                    check.problems.add(job.label() + " declares no permissions, so it gets the repository's default token,"
                            + " which the workflow cannot show; declare them");
                } else if (job.requestsIdToken()) {
                    check.job(workflow, job);
                }
            }
        }
        check.coverage();
        return check;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    List<Grant> grants() {
        return List.copyOf(grants);
    }

    private void job(Workflow workflow, WorkflowJob job) {
        BiFunction<String, String, String> needs = (needed, output) -> output(workflow, needed, output);
        List<Map<String, String>> rows;
        try {
            rows = JobContext.rows(job, needs);
        } catch (IllegalArgumentException e) {
            problems.add(job.label() + ": " + e.getMessage());
            return;
        }
        for (Map<String, String> row : rows) {
            String where = job.label() + (row.isEmpty() ? "" : " " + row.getOrDefault("stack", row.toString()));
            try {
                instance(workflow, job, new JobContext(row, needs), where);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
    }

    private void instance(Workflow workflow, WorkflowJob job, JobContext ctx, String where) {
        Intent intent = intent(job, ctx, where);
        if (intent == null) {
            return;
        }
        List<JsonNode> credentials = job.stepsUsing(CREDENTIALS);
        if (credentials.size() != 1) {
            problems.add(where + " asks for an OIDC token and has " + credentials.size() + " " + CREDENTIALS + " steps; expected one");
            return;
        }
        String assumes = ctx.evaluate(credentials.get(0).path("with").path("role-to-assume").asText());
        String audience = OidcToken.audience(credentials.get(0));
        String providerRole = Optional.ofNullable(stepEnv(job, intent.step).get(ProviderRole.VARIABLE)).map(ctx::evaluate).orElse("");
        if (!providerRole.equals(intent.providerRole) && !(providerRole.isEmpty() && intent.providerRole.equals(ProviderRole.DEPLOYER.configValue()))) {
            problems.add(where + " " + intent.does + " with " + ProviderRole.VARIABLE + "=\"" + providerRole + "\"; expected \""
                    + intent.providerRole + "\", so that each stack's provider assumes its account's " + intent.providerRole);
        }

        for (String subject : OidcToken.subjects(ci.repository(), workflow, job.environment().map(ctx::evaluate))) {
            if (subject.equals(OidcToken.UNMODELLED)) {
                problems.add(where + " asks for an OIDC token without an environment on a trigger whose subject names a ref"
                        + " chosen at run time (" + workflow.events() + "); give it an environment or run it on pull_request only");
                continue;
            }
            OidcToken token = new OidcToken(subject, audience);
            Map<PlannedRole, Admission> admitting = new LinkedHashMap<>();
            for (PlannedRole role : roles) {
                Admission a = Admission.of(role.trust(), providers, token);
                if (a != Admission.REFUSED) {
                    admitting.put(role, a);
                }
            }
            List<PlannedRole> intended = roles.stream().filter(r -> new TreeSet<>(r.assumable()).equals(intent.assumable)).toList();
            if (admitting.isEmpty()) {
                problems.add(where + " presents the subject " + subject + ", which no role of the plan trusts; " + intent.does
                        + " needs " + names(intended));
                continue;
            }
            if (admitting.size() > 1) {
                problems.add(where + " presents the subject " + subject + ", which " + admitting.size() + " roles trust: "
                        + names(List.copyOf(admitting.keySet())) + "; expected exactly one");
                continue;
            }
            PlannedRole role = admitting.keySet().iterator().next();
            if (admitting.get(role) == Admission.BROADER) {
                problems.add(where + ": the role " + role.name() + " trusts more than the subject " + subject
                        + " (a pattern, or no exact sub and aud condition)");
            }
            if (!new TreeSet<>(role.assumable()).equals(intent.assumable) || !role.broadPermissions().isEmpty()) {
                problems.add(where + " presents the subject " + subject + ", trusted by " + role.name() + ", which may assume "
                        + role.assumable() + (role.broadPermissions().isEmpty() ? "" : " and holds " + role.broadPermissions()) + "; "
                        + intent.does + " needs exactly " + intent.assumable + " (" + names(intended) + ")");
            }
            for (String target : role.assumable()) {
                secondHop(where, role, target);
            }
            if (!assumes.equals(role.arn())) {
                problems.add(where + " assumes " + assumes + " but its subject " + subject + " is trusted by " + role.arn());
            }
            grants.add(new Grant(job.label(), ctx.matrix(), subject, role.arn(), intent.kind, intent.stacks));
        }
    }

    /**
     * The role a CI role assumes next must exist, trust it, and be reachable by no other CI role (one that
     * GitHub tokens can assume): a role that trusts the CI role's account and is in another CI role's
     * permissions would be reachable from another job.
     */
    private void secondHop(String where, PlannedRole ci, String target) {
        Optional<PlannedRole> next = roles.stream().filter(r -> r.arn().equals(target)).findFirst();
        if (next.isEmpty()) {
            problems.add(where + ": " + ci.name() + " may assume " + target + ", which the plan does not create");
            return;
        }
        List<String> reachers = roles.stream()
                .filter(r -> providers.stream().anyMatch(p -> r.trust().toString().contains(p)))
                .filter(r -> r.assumable().contains(target) && next.get().trusts(r))
                .map(PlannedRole::name).toList();
        if (!reachers.equals(List.of(ci.name()))) {
            problems.add(where + ": " + target + " can be assumed by the CI roles " + reachers + "; expected only " + ci.name());
        }
    }

    /** What a job instance runs, and so the one role it needs. */
    private record Intent(String kind, String does, List<String> stacks, Set<String> assumable, String providerRole, JsonNode step) {
    }

    private Intent intent(WorkflowJob job, JobContext ctx, String where) {
        List<JsonNode> deploys = job.stepsRunning("quest-platform.jar deploy");
        List<JsonNode> previews = job.stepsRunning("pulumi preview");
        List<JsonNode> reviews = new ArrayList<>(job.stepsRunning("pulumi up"));
        reviews.addAll(job.stepsRunning("pulumi destroy"));
        if (deploys.size() + previews.size() + reviews.size() != 1) {
            problems.add(where + " asks for an OIDC token but runs " + deploys.size() + " deploy and " + previews.size()
                    + " preview steps" + (reviews.isEmpty() ? "" : " and " + reviews.size() + " review stack steps")
                    + "; a job that asks for a token deploys one stack or previews stacks, nothing else"
                    + (reviews.isEmpty() ? "" : " (or brings up or destroys its pull request's review stack)"));
            return null;
        }
        if (!reviews.isEmpty()) {
            return reviewIntent(job, where, reviews.get(0));
        }
        boolean deploy = !deploys.isEmpty();
        JsonNode step = deploy ? deploys.get(0) : previews.get(0);
        String run = step.path("run").asText();
        String variable = deploy ? "STACK" : "STACKS";
        String expected = deploy ? "quest-platform.jar deploy \"$STACK\"" : "for stack in $STACKS";
        if (!run.contains(expected) || (!deploy && !run.contains("--stack \"$stack\""))) {
            problems.add(where + ": cannot tell which stacks its step runs for; expected `" + expected + "` reading the step's " + variable);
            return null;
        }
        String value = stepEnv(job, step).get(variable);
        if (value == null) {
            problems.add(where + ": its step reads " + variable + " but sets no such env");
            return null;
        }
        List<String> stacks = List.of(ctx.evaluate(value).trim().split("\\s+"));
        Set<String> assumable = new TreeSet<>();
        for (String stack : stacks) {
            Optional<CiStack> row = ci.stacks().stream().filter(s -> s.stack().equals(stack)).findFirst();
            if (row.isEmpty()) {
                problems.add(where + " runs for stack \"" + stack + "\", which CI does not deploy (its stacks: "
                        + ci.stacks().stream().map(CiStack::stack).toList() + "; the shared stack is applied by an administrator)");
                return null;
            }
            assumable.add((deploy ? PlatformRole.DEPLOYER : PlatformRole.PREVIEWER).arn(Partition.of(row.get().region()), row.get().account()));
        }
        if (deploy && stacks.size() != 1) {
            problems.add(where + " deploys " + stacks + "; one job deploys one stack");
            return null;
        }
        String does = deploy ? "deploying " + stacks.get(0) : "previewing " + stacks;
        return new Intent(deploy ? "deploy" : "preview", does, stacks, assumable,
                (deploy ? ProviderRole.DEPLOYER : ProviderRole.PREVIEWER).configValue(), step);
    }

    /** The subject-free form of a review job's stack: its pull request's, which GitHub fills in. */
    static final String REVIEW_STACK = "pr-${{ github.event.pull_request.number }}";

    /**
     * A job that brings up or destroys its pull request's review stack ({@code STACK: pr-${{ github.event.pull_request.number }}},
     * {@code --stack "$STACK"}) needs the one role that may assume exactly the reviewer of the account review stacks run in.
     */
    private Intent reviewIntent(WorkflowJob job, String where, JsonNode step) {
        String run = step.path("run").asText();
        String stack = stepEnv(job, step).getOrDefault("STACK", "");
        if (!stack.equals(REVIEW_STACK) || !run.contains("--stack \"$STACK\"")) {
            problems.add(where + ": cannot tell which stack its step runs for; expected STACK: " + REVIEW_STACK + " and --stack \"$STACK\"");
            return null;
        }
        if (ci.review().isEmpty()) {
            problems.add(where + " runs a review stack, but the shared stack names no quest-platform:state.reviewStacks, so no role may");
            return null;
        }
        CiStack review = ci.review().get();
        boolean destroy = run.contains("pulumi destroy");
        return new Intent(destroy ? "review-destroy" : "review-deploy", (destroy ? "destroying" : "bringing up") + " a review stack",
                List.of(review.stack()), Set.of(PlatformRole.REVIEWER.arn(Partition.of(review.region()), review.account())), ProviderRole.REVIEWER.configValue(), step);
    }

    /**
     * Every stack CI deploys is deployed by exactly one job instance and previewed by a pull-request job; with review
     * stacks, one job brings them up and one destroys them.
     */
    private void coverage() {
        ci.review().ifPresent(review -> {
            for (String kind : List.of("review-deploy", "review-destroy")) {
                long jobs = grants.stream().filter(g -> g.does().equals(kind)).count();
                if (jobs != 1) {
                    problems.add("review stacks are " + (kind.equals("review-deploy") ? "brought up" : "destroyed") + " by " + jobs
                            + " job instances that pass the trust check; expected 1");
                }
            }
        });
        for (CiStack stack : ci.stacks()) {
            long deployed = grants.stream().filter(g -> g.does().equals("deploy") && g.stacks().contains(stack.stack())).count();
            long previewed = grants.stream().filter(g -> g.does().equals("preview") && g.stacks().contains(stack.stack())).count();
            if (deployed != 1) {
                problems.add("stack " + stack.stack() + " is deployed by " + deployed + " job instances that pass the trust check; expected 1");
            }
            if (previewed < 1) {
                problems.add("stack " + stack.stack() + " is previewed by no job that passes the trust check");
            }
        }
    }

    /** A job output, when it is an output of the {@code stacks} command's step, which is what the workflows read. */
    private String output(Workflow workflow, String jobId, String name) {
        String expression = workflow.job(jobId).outputs().get(name);
        Matcher m = expression == null ? null : STEP_OUTPUT.matcher(expression.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("needs." + jobId + ".outputs." + name + " is not a step output");
        }
        JsonNode step = workflow.job(jobId).steps().stream().filter(s -> s.path("id").asText().equals(m.group(1))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("job " + jobId + " has no step " + m.group(1)));
        String run = step.path("run").asText();
        if (!run.contains("quest-platform.jar stacks") || !run.contains("--github-output")) {
            throw new IllegalArgumentException("needs." + jobId + ".outputs." + name + " comes from a step that does not run"
                    + " `quest-platform.jar stacks --github-output`");
        }
        String value = ci.githubOutputs().get(m.group(2));
        if (value == null) {
            throw new IllegalArgumentException("the stacks command writes no output " + m.group(2) + " (it writes "
                    + ci.githubOutputs().keySet() + ")");
        }
        return value;
    }

    /** The env a step sees: the job's, then the step's own. */
    private static Map<String, String> stepEnv(WorkflowJob job, JsonNode step) {
        Map<String, String> env = new LinkedHashMap<>(job.env());
        env.putAll(WorkflowJob.strings(step.get("env")));
        return env;
    }

    private static String names(List<PlannedRole> roles) {
        Set<String> names = new LinkedHashSet<>();
        roles.forEach(r -> names.add(r.name()));
        return names.isEmpty() ? "a role that does not exist" : String.join(", ", names);
    }
}
