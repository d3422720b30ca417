package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

/**
 * The shared stack's contract with the environment stacks: the identities and shared storage they
 * deploy through and into.
 *
 * @param sharedAccountId the shared-services (security) account
 */
public record SharedOutputs(Output<String> sharedAccountId) {

    static final String SHARED_ACCOUNT_ID = "sharedAccountId";

    public void export(Context ctx) {
        ctx.export(SHARED_ACCOUNT_ID, sharedAccountId);
    }

    public static SharedOutputs from(StackReference ref) {
        return new SharedOutputs(StackOutputs.string(ref, SHARED_ACCOUNT_ID));
    }
}
