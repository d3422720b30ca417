package io.quest.platform.approval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON values of a preview file strictly: a repeated key, text after a value and two values on one line are
 * errors naming the file and line, never read one way or another. One value is a document; several must be one
 * object a line (an engine event log).
 */
final class StrictJson {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    static final String EXPECTED = "expected the output of `pulumi preview --json` or one engine event a line";

    /**
     * One JSON value and where it is in the file.
     *
     * @param firstLine the line it starts on, from 1
     * @param lastLine  the line it ends on
     * @param value     the value
     */
    record Located(int firstLine, int lastLine, JsonNode value) {
        Located {
            Objects.requireNonNull(value, "value");
        }

        String where() {
            return "line " + firstLine;
        }
    }

    private StrictJson() {
    }

    /** Every top-level value in the text, in order; throws when the text is not such a sequence. */
    static List<Located> values(String text, String origin) {
        List<Located> values = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken token;
            while ((token = next(parser, origin)) != null) {
                int first = parser.currentTokenLocation().getLineNr();
                JsonNode value = read(parser, origin, token);
                int last = parser.currentLocation().getLineNr();
                values.add(new Located(first, last, value));
            }
        } catch (IOException e) {
            throw new PreviewFormatException("cannot read " + origin + " (" + e.getMessage() + "); " + EXPECTED, e);
        }
        if (values.size() > 1) {
            checkOneValueALine(values, origin);
        }
        return values;
    }

    private static JsonToken next(JsonParser parser, String origin) {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw error(origin, e);
        } catch (IOException e) {
            throw new PreviewFormatException("cannot read " + origin + " (" + e.getMessage() + "); " + EXPECTED, e);
        }
    }

    private static JsonNode read(JsonParser parser, String origin, JsonToken token) {
        try {
            JsonNode value = JSON.readTree(parser);
            if (value == null) {
                throw new PreviewFormatException(origin + " line " + parser.currentTokenLocation().getLineNr()
                        + " holds " + token + ", not a JSON value; " + EXPECTED);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw error(origin, e);
        } catch (IOException e) {
            throw new PreviewFormatException("cannot read " + origin + " (" + e.getMessage() + "); " + EXPECTED, e);
        }
    }

    private static void checkOneValueALine(List<Located> values, String origin) {
        Located previous = null;
        for (Located value : values) {
            if (value.firstLine() != value.lastLine()) {
                throw new PreviewFormatException(origin + " line " + value.firstLine() + " starts a JSON value that runs to line "
                        + value.lastLine() + " in a file of " + values.size() + " values; expected a single"
                        + " `pulumi preview --json` document or one engine event a line");
            }
            if (previous != null && previous.lastLine() == value.firstLine()) {
                throw new PreviewFormatException(origin + " line " + value.firstLine()
                        + " holds two JSON values; expected one engine event a line");
            }
            previous = value;
        }
    }

    private static PreviewFormatException error(String origin, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String line = location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return new PreviewFormatException(origin + line + " has the key \"" + duplicate.group(1)
                    + "\" twice in one object; expected each key once (which one counts is ambiguous)", e);
        }
        return new PreviewFormatException(origin + line + " is not JSON (" + Redaction.redact(e.getOriginalMessage())
                + "); " + EXPECTED, e);
    }
}
