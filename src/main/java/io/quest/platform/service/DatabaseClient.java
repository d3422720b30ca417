package io.quest.platform.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link WebService}'s tasks find the environment's database: ECS reads three SSM parameters (which the data stack
 * writes) when a task starts and hands them to the container as environment variables, beside the port. The host and
 * database name are libpq's own variables, which {@code psql}, node-postgres and psycopg read without code; the
 * credentials are not handed over: the application reads the master secret named by {@link #SECRET_ARN} itself, with the
 * task role, when it connects, since RDS rotates that secret every seven days and a password injected at start would go
 * stale in a running task (docs/data.md).
 *
 * @param endpointParameterArn  the parameter holding the writer's endpoint
 * @param nameParameterArn      the parameter holding the database's name
 * @param secretArnParameterArn the parameter holding the master secret's ARN
 * @param port                  PostgreSQL's port
 */
public record DatabaseClient(String endpointParameterArn, String nameParameterArn, String secretArnParameterArn, int port) {

    /** The writer's endpoint. */
    public static final String HOST = "PGHOST";
    /** PostgreSQL's port. */
    public static final String PORT = "PGPORT";
    /** The database created at launch. */
    public static final String NAME = "PGDATABASE";
    /** The ARN of the Secrets Manager secret holding the master user's {@code username} and {@code password}. */
    public static final String SECRET_ARN = "DATABASE_SECRET_ARN";
    /** Every variable the platform sets for the database: the service's own configuration may not name these. */
    public static final List<String> VARIABLES = List.of(HOST, PORT, NAME, SECRET_ARN);

    public DatabaseClient {
        Objects.requireNonNull(endpointParameterArn, "endpointParameterArn");
        Objects.requireNonNull(nameParameterArn, "nameParameterArn");
        Objects.requireNonNull(secretArnParameterArn, "secretArnParameterArn");
    }

    /** Variable name → the SSM parameter ECS reads it from at task start. */
    public Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(HOST, endpointParameterArn);
        secrets.put(NAME, nameParameterArn);
        secrets.put(SECRET_ARN, secretArnParameterArn);
        return secrets;
    }

    /** The plain variables. */
    public Map<String, String> environment() {
        return Map.of(PORT, String.valueOf(port));
    }

    /** The parameters the execution role reads, and nothing else of the database. */
    public List<String> parameterArns() {
        return List.copyOf(secrets().values());
    }
}
