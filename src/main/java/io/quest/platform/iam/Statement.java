package io.quest.platform.iam;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One statement of an IAM policy. Built with {@link #allow(String)} or {@link #deny(String)} and the
 * fluent methods, each of which returns a new statement.
 */
public record Statement(
        String sid,
        Effect effect,
        List<Principal> principals,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        List<Condition> conditions) {

    public enum Effect { Allow, Deny }

    public Statement {
        Objects.requireNonNull(effect, "effect");
        if (sid != null && !sid.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("a statement id is alphanumeric: " + sid);
        }
        principals = List.copyOf(principals);
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        conditions = List.copyOf(conditions);
        if (!actions.isEmpty() && !notActions.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " has both Action and NotAction");
        }
    }

    public static Statement allow(String sid) {
        return new Statement(sid, Effect.Allow, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static Statement deny(String sid) {
        return new Statement(sid, Effect.Deny, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * A key policy's statement that leaves the key to the account's IAM: its principals may do anything with the key
     * that their IAM policies allow. Without it no IAM policy can grant use of the key, and a key no one can
     * administer cannot be fixed (AWS KMS Developer Guide, "Default key policy", allows the account).
     */
    public static Statement administerKey(String sid, Principal account) {
        return allow(sid).principal(account).actions("kms:*").resources("*");
    }

    /** A trust policy's statement: these principals may assume the role (their own IAM policies must allow it too). */
    public static Statement trust(String sid, Principal... who) {
        return allow(sid).principal(who).actions("sts:AssumeRole");
    }

    /**
     * A resource or key policy's grant to an AWS service: the service may do these actions. Name the resources next,
     * and for whom the service acts ({@link #onBehalfOf}, or an {@code aws:SourceArn} condition).
     */
    public static Statement grantToService(String sid, ServicePrincipal service, Partition partition, String... actions) {
        return grantToService(sid, Principal.service(service, partition), actions);
    }

    /** A grant to an AWS service named by a principal of type {@code Service} (a regional one, say). */
    public static Statement grantToService(String sid, Principal service, String... actions) {
        if (!service.type().equals("Service")) {
            throw new IllegalArgumentException("statement " + sid + ": grantToService takes a service principal, got "
                    + service.type() + " principal '" + service.id() + "'");
        }
        return allow(sid).principal(service).actions(actions);
    }

    /** A trust policy's statement: this AWS service may assume the role; say for whom with {@link #onBehalfOf}. */
    public static Statement trustService(String sid, ServicePrincipal service, Partition partition) {
        return grantToService(sid, service, partition, "sts:AssumeRole");
    }

    /**
     * Only while the service acts for one of these accounts ({@code aws:SourceAccount}): the guard against the confused
     * deputy (IAM User Guide, "The confused deputy problem",
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html, read 2026-12-02).
     */
    public Statement onBehalfOf(String... accounts) {
        return when("StringEquals", "aws:SourceAccount", accounts);
    }

    /** The bucket-policy statement every platform bucket carries: refuse any request not made over TLS. */
    public static Statement denyInsecureTransport(String bucketArn) {
        return deny("DenyInsecureTransport")
                .principal(Principal.anyone())
                .actions("s3:*")
                .resources(bucketArn, bucketArn + "/*")
                .when("Bool", "aws:SecureTransport", "false");
    }

    /** Whether the statement names what it is about: a policy refuses a statement without Action or NotAction. */
    public boolean isComplete() {
        return !actions.isEmpty() || !notActions.isEmpty();
    }

    public Statement principal(Principal... who) {
        return copy(concat(principals, who), actions, notActions, resources, notResources, conditions);
    }

    public Statement actions(String... what) {
        return copy(principals, concat(actions, what), List.of(), resources, notResources, conditions);
    }

    public Statement notActions(String... what) {
        return copy(principals, List.of(), concat(notActions, what), resources, notResources, conditions);
    }

    public Statement resources(String... arns) {
        return copy(principals, actions, notActions, concat(resources, arns), notResources, conditions);
    }

    public Statement resources(List<String> arns) {
        return resources(arns.toArray(String[]::new));
    }

    public Statement notResources(String... arns) {
        return copy(principals, actions, notActions, resources, concat(notResources, arns), conditions);
    }

    public Statement when(String test, String variable, String... values) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(new Condition(test, variable, List.of(values)));
        return copy(principals, actions, notActions, resources, notResources, more);
    }

    /** The values a condition operator and key require, or an empty list when there is no such condition. */
    public List<String> condition(String test, String variable) {
        return conditions.stream()
                .filter(c -> c.test().equals(test) && c.variable().equals(variable))
                .flatMap(c -> c.values().stream())
                .toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (sid != null) {
            m.put("Sid", sid);
        }
        m.put("Effect", effect.name());
        if (!principals.isEmpty()) {
            Map<String, Object> byType = new TreeMap<>();
            for (Principal p : principals) {
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) byType.computeIfAbsent(p.type(), k -> new ArrayList<String>());
                ids.add(p.id());
            }
            if (principals.size() == 1 && principals.get(0).type().equals("*")) {
                m.put("Principal", "*");
            } else {
                byType.replaceAll((k, v) -> one((List<?>) v));
                m.put("Principal", byType);
            }
        }
        if (!actions.isEmpty()) {
            m.put("Action", one(actions));
        }
        if (!notActions.isEmpty()) {
            m.put("NotAction", one(notActions));
        }
        if (!resources.isEmpty()) {
            m.put("Resource", one(resources));
        }
        if (!notResources.isEmpty()) {
            m.put("NotResource", one(notResources));
        }
        if (!conditions.isEmpty()) {
            Map<String, Map<String, Object>> byTest = new LinkedHashMap<>();
            for (Condition c : conditions) {
                byTest.computeIfAbsent(c.test(), k -> new LinkedHashMap<>()).put(c.variable(), one(c.values()));
            }
            m.put("Condition", byTest);
        }
        return m;
    }

    private static Object one(List<?> values) {
        return values.size() == 1 ? values.get(0) : values;
    }

    private Statement copy(List<Principal> p, List<String> a, List<String> na, List<String> r, List<String> nr, List<Condition> c) {
        return new Statement(sid, effect, p, a, na, r, nr, c);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T> base, T... more) {
        List<T> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
