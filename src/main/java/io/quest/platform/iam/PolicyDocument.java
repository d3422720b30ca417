package io.quest.platform.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An IAM policy document as a typed value. Serialises to the same JSON every time (statement and key
 * order are fixed), so plans are stable and tests can read policies back as data.
 */
public record PolicyDocument(List<Statement> statements) {

    /** AWS's limit for a role's inline policies together, in characters without white space. */
    public static final int INLINE_ROLE_POLICY_LIMIT = 10_240;
    /** AWS's limit for a managed policy, in characters without white space. */
    public static final int MANAGED_POLICY_LIMIT = 6_144;
    /** AWS's limit for a role trust policy (the default quota), in characters. */
    public static final int TRUST_POLICY_LIMIT = 2_048;

    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicyDocument {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a policy document needs at least one statement");
        }
        for (Statement s : statements) {
            if (!s.isComplete()) {
                throw new IllegalArgumentException("statement " + s.sid() + " needs Action or NotAction");
            }
        }
        long distinctSids = statements.stream().map(Statement::sid).filter(Objects::nonNull).distinct().count();
        long sids = statements.stream().map(Statement::sid).filter(Objects::nonNull).count();
        if (distinctSids != sids) {
            throw new IllegalArgumentException("statement ids must be unique within a policy");
        }
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(Arrays.asList(statements));
    }

    /** A copy with more statements appended. */
    public PolicyDocument with(Statement... more) {
        List<Statement> all = new ArrayList<>(statements);
        all.addAll(Arrays.asList(more));
        return new PolicyDocument(all);
    }

    /** The statement with this id, for tests and for rules that inspect policies. */
    public Statement statement(String sid) {
        return statements.stream().filter(s -> sid.equals(s.sid())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no statement " + sid));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements.stream().map(Statement::toMap).toList());
        return doc;
    }

    /** Compact JSON, as AWS counts it against its size limits. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size AWS counts against its policy quotas (characters, white space excluded). */
    public int size() {
        return toJson().length();
    }

    /** Throws when the document would be refused by AWS for its size. */
    public PolicyDocument requireWithin(int limit, String what) {
        if (size() > limit) {
            throw new IllegalStateException(what + " is " + size() + " characters; AWS allows " + limit);
        }
        return this;
    }
}
