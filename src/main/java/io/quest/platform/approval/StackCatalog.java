package io.quest.platform.approval;

import java.util.List;

/** What the gate and the deploy need to know about a project's stacks. */
public interface StackCatalog {

    /** The requested stacks (every stack when empty) and the stacks they read, each after the stacks it reads. */
    List<String> order(List<String> requested);

    /** Whether the production rule applies to the stack: every change except tags needs approval. */
    boolean production(String stack);
}
