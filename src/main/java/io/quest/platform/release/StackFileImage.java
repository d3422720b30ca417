package io.quest.platform.release;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.StringReader;
import java.util.Optional;

/**
 * Rewrites {@code quest-platform:service.image} in a stack file's text so it pins one image by digest, changing
 * nothing else in the file: comments, order, quoting and every other setting stay byte for byte, so the pull
 * request that promotes or rolls back shows exactly one line.
 */
public final class StackFileImage {

    static final String SERVICE = "quest-platform:service";

    private StackFileImage() {
    }

    /**
     * The text with {@code quest-platform:service.image} replaced by {@code {reference: "<image>"}} and {@code note}
     * as a comment on that line.
     *
     * @throws IllegalArgumentException naming the file when it has no {@code quest-platform:service.image} to replace
     */
    public static String pin(String text, String display, ReleaseImage image, String note) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new IllegalArgumentException(display + ": is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Optional<NodeTuple> service = entry(root, "config").flatMap(config -> entry(config.getValueNode(), SERVICE));
        NodeTuple imageEntry = service.flatMap(s -> entry(s.getValueNode(), "image"))
                .orElseThrow(() -> new IllegalArgumentException(display + ": has no " + SERVICE + ".image to pin; expected the"
                        + " stack file of a stack that runs a service"));
        Node key = imageEntry.getKeyNode();
        Node value = imageEntry.getValueNode();
        int from = text.indexOf(':', key.getEndMark().getIndex()) + 1;
        int to = value.getEndMark().getIndex();
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (!flow(service.get())) {
            // A comment after the value on its last line described the image being replaced: it goes with it.
            int lineEnd = text.indexOf('\n', to);
            String rest = text.substring(to, lineEnd < 0 ? text.length() : lineEnd);
            if (rest.strip().startsWith("#")) {
                to += rest.length();
            }
        }
        // A block value's last line may end in a comment, which belongs to the value being replaced. Inside a flow
        // mapping ({image: ..., cpu: 256}) a comment would swallow the rest of the line, so none is added there.
        String replacement = " {reference: \"" + image.reference() + "\"}" + (flow(service.get()) ? "" : " # " + note.replace('\n', ' '));
        return text.substring(0, from) + replacement + text.substring(to);
    }

    /** The digest-pinned image the text's {@code quest-platform:service.image.reference} names, if it names one. */
    public static Optional<ReleaseImage> pinned(String text) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            return entry(root, "config").flatMap(c -> entry(c.getValueNode(), SERVICE)).flatMap(s -> entry(s.getValueNode(), "image"))
                    .flatMap(i -> entry(i.getValueNode(), "reference"))
                    .map(r -> r.getValueNode() instanceof ScalarNode s ? s.getValue() : "")
                    .filter(r -> r.matches(".+@sha256:[0-9a-f]{64}"))
                    .map(ReleaseImage::parse);
        } catch (YAMLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean flow(NodeTuple service) {
        return service.getValueNode() instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    private static Optional<NodeTuple> entry(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }
}
