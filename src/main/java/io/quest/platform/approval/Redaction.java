package io.quest.platform.approval;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text the gate copies out of a preview (engine and provider diagnostics, policy messages,
 * parse errors) before it reaches a report, a pull-request comment or a CI log.
 * <p>
 * The Pulumi CLI writes resource secrets as {@code [secret]} (pulumi/pulumi {@code pkg/backend/display/json.go},
 * {@code massagePropertyValue}) and blinds them in engine events ({@code pkg/backend/display/events.go},
 * {@code ConvertEngineEvent}); a diagnostic's message is free text from a provider or the program, however, and
 * can hold a password, a token or a key. What is removed: PEM private keys; AWS access key IDs and secret keys; GitHub,
 * Pulumi, Slack and npm tokens; JSON web tokens; bearer and basic credentials; passwords in URLs; and the value of any
 * {@code key=value} or {@code "key": "value"} whose key names a secret (password, secret, token, api key, private key,
 * credential, authorization, connection string).
 */
public final class Redaction {

    /** What a removed secret is replaced with. */
    public static final String REDACTED = "[redacted]";

    private static final String SECRET_KEY = "(?:[a-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey"
            + "|access[_-]?key|private[_-]?key|credentials?|authorization|auth|connection[_-]?string|session[_-]?key"
            + "|signing[_-]?key|client[_-]?secret)[a-z0-9_.-]*)";

    private static final List<Pattern> WHOLE = List.of(
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)",
                    Pattern.DOTALL),
            Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"),
            Pattern.compile("\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}\\b"),
            Pattern.compile("\\bpul-[0-9a-f]{40}\\b"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}\\b"),
            Pattern.compile("\\bnpm_[A-Za-z0-9]{30,}\\b"),
            Pattern.compile("https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+"));

    /** Group 1 is kept, group 2 is the secret. */
    private static final List<Pattern> KEEP_PREFIX = List.of(
            Pattern.compile("(?i)(\\b(?:bearer|basic|token)\\s+)([A-Za-z0-9._~+/=-]{8,})"),
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s/:@\"']*:)([^\\s/@\"']+)(?=@)"),
            Pattern.compile("(?i)((?<![/:\\w.-])" + SECRET_KEY + "\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)([^\\s\"'\\\\,;&}:][^\\s\"'\\\\,;&}]*)"));

    private Redaction() {
    }

    /** The text with every credential it recognises replaced by {@value #REDACTED}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern pattern : WHOLE) {
            result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(REDACTED));
        }
        for (Pattern pattern : KEEP_PREFIX) {
            Matcher matcher = pattern.matcher(result);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String kept = matcher.group(1);
                String secret = matcher.group(2);
                String replacement = secret.equals(REDACTED) || secret.equals("[secret]") ? matcher.group() : kept + REDACTED;
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
