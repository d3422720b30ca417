package io.quest.platform.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.Map;
import java.util.TreeMap;

/** The push roles' permissions and the published scan waivers, as data. */
public final class ImagePushPolicies {

    /**
     * What {@code docker push} needs on the repository, and what waiting for and reading its scan needs
     * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html, read 2026-12-02); nothing that
     * deletes, retags an image's settings, or changes the repository.
     */
    static final String[] PUSH = {
            "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
            "ecr:PutImage", "ecr:BatchGetImage", "ecr:DescribeImages", "ecr:DescribeImageScanFindings"};

    private ImagePushPolicies() {
    }

    /**
     * A push role's policy: a registry login token (an action with no resource-level permissions, so {@code *}), the
     * push and scan-reading actions on the one repository, and reading the scan waivers.
     */
    public static PolicyDocument push(String repositoryArn, String waiversParameterArn) {
        return PolicyDocument.of(
                Statement.allow("LogsInToTheRegistry")
                        .actions("ecr:GetAuthorizationToken")
                        .resources("*"),
                Statement.allow("PushesToTheRepository")
                        .actions(PUSH)
                        .resources(repositoryArn),
                Statement.allow("ReadsScanWaivers")
                        .actions("ssm:GetParameter")
                        .resources(waiversParameterArn));
    }

    /** The waivers as the SSM parameter holds them: a JSON object, finding name to reason, sorted. */
    public static String waiversJson(Map<String, String> waivers) {
        try {
            return new ObjectMapper().writeValueAsString(new TreeMap<>(waivers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
