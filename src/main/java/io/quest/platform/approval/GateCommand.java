package io.quest.platform.approval;

import io.quest.platform.plan.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code gate PREVIEW --stack STACK}: decides whether a recorded preview may be applied. */
@Command(name = "gate",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = 1,
        exitCodeOnExecutionException = 1,
        description = {
                "Reads a recorded `pulumi preview --json` (or engine event log) and decides whether it may be applied.",
                "Exit 0: apply (or approved by digest); 2: needs approval; 3: blocked; 1: bad input or usage."})
public final class GateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PREVIEW", description = "The preview: `pulumi preview --json` output or an engine event log.")
    Path previewFile;

    @Option(names = "--stack", required = true, paramLabel = "STACK", description = "The stack the preview is for (its Pulumi.<stack>.yaml says whether it is production).")
    String stack;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--approve", paramLabel = "DIGEST", description = "The digest a reviewer approved; turns 'needs approval' into 0 only if it is this preview's digest.")
    String approve;

    @Option(names = "--production", arity = "1", paramLabel = "true|false", description = "Whether the production rule applies; default: read from Pulumi.<stack>.yaml in --cwd.")
    Boolean production;

    @Option(names = "--cwd", paramLabel = "DIR", defaultValue = ".", description = "The directory of Pulumi.yaml (default: the working directory).")
    Path cwd;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public GateCommand() {
        this(System.out, System.err);
    }

    GateCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        try {
            ReportFormat reportFormat = parseFormat(format);
            Optional<String> approval = Optional.ofNullable(approve).map(PreviewDigest::normalise);
            Preview preview = PreviewParser.parse(read(previewFile), previewFile.toString());
            checkStack(preview);
            boolean isProduction = production != null ? production : ProjectStacks.load(cwd).production(localName(stack));
            GateReport report = Gate.review(preview, stack, isProduction, approval);
            stdout.print(reportFormat.render(report));
            return report.exitCode();
        } catch (PreviewFormatException | PlanException | IllegalArgumentException e) {
            stderr.println("error: " + Redaction.redact(e.getMessage()));
            return 1;
        }
    }

    static ReportFormat parseFormat(String value) {
        return switch (value) {
            case "text" -> ReportFormat.TEXT;
            case "markdown" -> ReportFormat.MARKDOWN;
            case "json" -> ReportFormat.JSON;
            default -> throw new IllegalArgumentException("--format " + value + " is not a report format; expected text, markdown or json");
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            throw new PreviewFormatException(file + " is not UTF-8 text; expected the output of `pulumi preview --json`");
        } catch (IOException e) {
            throw new PreviewFormatException("cannot read " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); expected a file holding a preview");
        }
    }

    /** A preview of another stack is refused: an approval must be about the stack it is given for. */
    private void checkStack(Preview preview) {
        Set<String> stacks = new TreeSet<>();
        preview.changes().forEach(c -> stacks.add(c.urn().stack()));
        String local = localName(stack);
        if (!stacks.isEmpty() && !stacks.equals(Set.of(local))) {
            throw new IllegalArgumentException(previewFile + " is a preview of stack " + String.join(", ", stacks)
                    + ", not of " + stack + "; pass the preview of " + stack + " or --stack " + String.join(",", stacks));
        }
    }

    /** {@code org/project/dev} and {@code dev} both name the local stack {@code dev}. */
    static String localName(String stack) {
        return stack.substring(stack.lastIndexOf('/') + 1);
    }
}
