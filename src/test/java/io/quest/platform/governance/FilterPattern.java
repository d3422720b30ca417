package io.quest.platform.governance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The subset of CloudWatch Logs' JSON filter pattern syntax the platform's metric filters use ("Filter pattern syntax
 * for metric filters, subscription filters, and filter log events", section "Using filter patterns to match terms in
 * JSON log events", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html, read
 * 2026-12-02): {@code { ... }} around selectors {@code $.a.b} compared with {@code =} or {@code !=} to a quoted or bare
 * string in which {@code *} matches any text, {@code NOT EXISTS}, {@code &&}, {@code ||} and parentheses. Evaluates a
 * pattern against one CloudTrail record, so tests can show which events a filter counts. A comparison on a field the
 * record lacks is false, for {@code !=} too; {@code &&} binds tighter than {@code ||}.
 */
final class FilterPattern {

    private final List<String> tokens;
    private int at;

    private FilterPattern(String pattern) {
        String body = pattern.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON filter pattern: " + pattern);
        }
        this.tokens = tokenize(body.substring(1, body.length() - 1));
    }

    /** Whether the record matches the pattern. */
    static boolean matches(String pattern, JsonNode record) {
        FilterPattern parser = new FilterPattern(pattern);
        boolean result = parser.or(record);
        if (parser.at != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected " + parser.tokens.get(parser.at) + " in " + pattern);
        }
        return result;
    }

    private boolean or(JsonNode record) {
        boolean result = and(record);
        while (peek("||")) {
            at++;
            result |= and(record);
        }
        return result;
    }

    private boolean and(JsonNode record) {
        boolean result = term(record);
        while (peek("&&")) {
            at++;
            result &= term(record);
        }
        return result;
    }

    private boolean term(JsonNode record) {
        if (peek("(")) {
            at++;
            boolean result = or(record);
            expect(")");
            return result;
        }
        String selector = next();
        if (!selector.startsWith("$.")) {
            throw new IllegalArgumentException("expected a selector, got " + selector);
        }
        JsonNode field = record;
        for (String part : selector.substring(2).split("\\.")) {
            field = field == null ? null : field.get(part);
        }
        String operator = next();
        if (operator.equals("NOT")) {
            expect("EXISTS");
            return field == null || field.isMissingNode();
        }
        String value = unquote(next());
        if (field == null || field.isNull() || field.isContainerNode()) {
            return false;
        }
        boolean equal = glob(value).matcher(field.asText()).matches();
        return switch (operator) {
            case "=" -> equal;
            case "!=" -> !equal;
            default -> throw new IllegalArgumentException("unsupported operator " + operator);
        };
    }

    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        for (String piece : value.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(piece));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String unquote(String token) {
        return token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("pattern ends too early");
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        String got = next();
        if (!got.equals(token)) {
            throw new IllegalArgumentException("expected " + token + ", got " + got);
        }
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (text.startsWith("&&", i) || text.startsWith("||", i) || text.startsWith("!=", i)) {
                tokens.add(text.substring(i, i + 2));
                i += 2;
            } else if (c == '=') {
                tokens.add("=");
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()=!&|\"".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }
}
