package io.quest.platform.plan;

/** How a plan is printed. */
public enum PlanFormat {
    /** A tree per stack like {@code pulumi preview}, grouped by component, with counts. */
    text("txt"),
    /** The plan JSON contract: stable keys, for tests, CI and other tools. */
    json("json"),
    /** A table per stack and a Mermaid diagram of components and stack references, for pull requests. */
    markdown("md");

    private final String extension;

    PlanFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String render(Plan plan) {
        return switch (this) {
            case text -> TextRenderer.render(plan);
            case json -> JsonRenderer.render(plan);
            case markdown -> MarkdownRenderer.render(plan);
        };
    }

    public String render(Plan plan, StackPlan stack) {
        return render(new Plan(plan.project(), java.util.List.of(stack)));
    }
}
