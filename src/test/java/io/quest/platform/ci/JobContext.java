package io.quest.platform.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values one instance of a job sees, and the few expression forms the workflows use:
 * {@code ${{ matrix.KEY }}}, {@code ${{ needs.JOB.outputs.NAME }}} and {@code ${{ fromJSON(needs.JOB.outputs.NAME) }}}.
 * Anything else cannot be evaluated here and is reported, so a workflow cannot slip past the trust check by
 * writing its environment or role in a form the check does not read.
 *
 * @param matrix the matrix row of this instance (empty for a job without a matrix)
 * @param needs  the outputs of the jobs it needs: (job, output name) to value
 */
record JobContext(Map<String, String> matrix, BiFunction<String, String, String> needs) {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern MATRIX = Pattern.compile("matrix\\.([A-Za-z0-9_-]+)");
    private static final Pattern NEEDS = Pattern.compile("needs\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
    private static final Pattern FROM_JSON_NEEDS = Pattern.compile("fromJSON\\((needs\\.[A-Za-z0-9_-]+\\.outputs\\.[A-Za-z0-9_-]+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A value with its expressions evaluated. */
    String evaluate(String template) {
        Matcher m = EXPRESSION.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(expression(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String expression(String expression) {
        Matcher matrixKey = MATRIX.matcher(expression);
        if (matrixKey.matches()) {
            String value = matrix.get(matrixKey.group(1));
            if (value == null) {
                throw new IllegalArgumentException("matrix." + matrixKey.group(1) + " is not a key of the matrix row " + matrix);
            }
            return value;
        }
        Matcher output = NEEDS.matcher(expression);
        if (output.matches()) {
            return needs.apply(output.group(1), output.group(2));
        }
        throw new IllegalArgumentException("cannot evaluate ${{ " + expression + " }}: the trust check reads only"
                + " matrix.KEY and needs.JOB.outputs.NAME");
    }

    /**
     * The matrix rows of a job: one empty row without a strategy; the {@code include} rows of
     * {@code ${{ fromJSON(needs.JOB.outputs.NAME) }}} or of a literal {@code include:} list; or the values of a
     * literal one-key matrix.
     */
    static List<Map<String, String>> rows(WorkflowJob job, BiFunction<String, String, String> needs) {
        JsonNode matrix = job.matrix();
        if (matrix.isMissingNode()) {
            return List.of(Map.of());
        }
        JsonNode parsed;
        if (matrix.isTextual()) {
            Matcher whole = EXPRESSION.matcher(matrix.asText().trim());
            Matcher fromJson = whole.matches() ? FROM_JSON_NEEDS.matcher(whole.group(1)) : null;
            if (fromJson == null || !fromJson.matches()) {
                throw new IllegalArgumentException(job.label() + ": cannot evaluate matrix " + matrix.asText());
            }
            Matcher output = NEEDS.matcher(fromJson.group(1));
            output.matches();
            try {
                parsed = JSON.readTree(needs.apply(output.group(1), output.group(2)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(job.label() + ": the matrix output is not JSON", e);
            }
        } else {
            parsed = matrix;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (parsed.has("include") && parsed.size() == 1) {
            parsed.get("include").forEach(row -> rows.add(WorkflowJob.strings(row)));
        } else if (parsed.size() == 1 && parsed.elements().next().isArray()) {
            String key = parsed.fieldNames().next();
            parsed.get(key).forEach(v -> rows.add(Map.of(key, v.asText())));
        } else {
            throw new IllegalArgumentException(job.label() + ": cannot evaluate matrix " + parsed);
        }
        return rows;
    }
}
