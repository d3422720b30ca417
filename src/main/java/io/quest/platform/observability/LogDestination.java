package io.quest.platform.observability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the service's logs are streamed by a CloudWatch Logs subscription filter. CloudWatch Logs delivers
 * to a Firehose stream or Kinesis data stream in the same account (through a role it assumes), or to a
 * logical destination of another account; an OpenSearch domain is reached through a Firehose stream.
 *
 * @param arn  the destination's ARN
 * @param kind what it is
 */
public record LogDestination(String arn, Kind kind) {

    /** The destinations a subscription filter can deliver to without a function of its own. */
    public enum Kind {
        /** An Amazon Data Firehose stream ({@code arn:aws:firehose:...:deliverystream/...}); CloudWatch Logs writes through a role. */
        FIREHOSE("firehose:PutRecord", "firehose:PutRecordBatch"),
        /** A Kinesis data stream ({@code arn:aws:kinesis:...:stream/...}); CloudWatch Logs writes through a role. */
        KINESIS("kinesis:PutRecord", "kinesis:PutRecords"),
        /** A CloudWatch Logs destination in another account ({@code arn:aws:logs:...:destination:...}); its own policy admits this account. */
        LOGS_DESTINATION();

        private final String[] writeActions;

        Kind(String... writeActions) {
            this.writeActions = writeActions;
        }

        /** The actions CloudWatch Logs needs on the destination; none when no role is passed. */
        public String[] writeActions() {
            return writeActions.clone();
        }

        public boolean needsRole() {
            return writeActions.length > 0;
        }
    }

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]+):(\\d{12}):(.+)");

    public LogDestination {
        if (!kindOf(arn).equals(Optional.ofNullable(kind))) {
            throw new IllegalArgumentException(arn + " is not a " + kind + " ARN");
        }
    }

    /** The destination an ARN names; empty when a subscription filter cannot deliver to it directly. */
    public static Optional<LogDestination> parse(String arn) {
        return kindOf(arn).map(kind -> new LogDestination(arn, kind));
    }

    private static Optional<Kind> kindOf(String arn) {
        Matcher m = ARN.matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        String service = m.group(2);
        String resource = m.group(5);
        Kind kind = null;
        if (service.equals("firehose") && resource.matches("deliverystream/[a-zA-Z0-9_.-]{1,64}")) {
            kind = Kind.FIREHOSE;
        } else if (service.equals("kinesis") && resource.matches("stream/[a-zA-Z0-9_.-]{1,128}")) {
            kind = Kind.KINESIS;
        } else if (service.equals("logs") && resource.matches("destination:[^:*]{1,512}")) {
            kind = Kind.LOGS_DESTINATION;
        }
        return Optional.ofNullable(kind);
    }

    /** The AWS service an ARN belongs to ({@code es} for an OpenSearch domain), for messages. */
    public static Optional<String> serviceOf(String arn) {
        Matcher m = ARN.matcher(arn == null ? "" : arn);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The account the destination is in. */
    public String accountId() {
        Matcher m = ARN.matcher(arn);
        return m.matches() ? m.group(4) : "";
    }

    /** The region the destination is in. */
    public String region() {
        Matcher m = ARN.matcher(arn);
        return m.matches() ? m.group(3) : "";
    }
}
