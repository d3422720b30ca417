package io.quest.platform.observability;

import java.util.Objects;

/** Markdown text: what the dashboard shows and where to go from it. */
public record TextWidget(int x, int y, int width, int height, Properties properties) implements Widget {

    public TextWidget {
        Widget.checkPlacement(x, y, width, height);
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public String type() {
        return "text";
    }

    /** @param markdown the text, in Markdown */
    public record Properties(String markdown) {

        public Properties {
            Objects.requireNonNull(markdown, "markdown");
        }
    }
}
