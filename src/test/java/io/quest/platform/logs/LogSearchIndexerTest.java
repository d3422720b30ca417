package io.quest.platform.logs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer shipped in the jar, run by Python on a CloudWatch Logs batch as Kinesis delivers it (base64 of GZIP of
 * the batch's JSON): one document per log event, environment and kind from the search filter's name, control messages
 * skipped, and a refused document found in the _bulk response.
 */
@Execution(ExecutionMode.CONCURRENT)
class LogSearchIndexerTest {

    private static final String CHECK = String.join("\n",
            "import base64, gzip, json, sys",
            "sys.path.insert(0, sys.argv[1])",
            "import indexer",
            "def record(batch):",
            "    return {'kinesis': {'data': base64.b64encode(gzip.compress(json.dumps(batch).encode())).decode()}}",
            "data = {'messageType': 'DATA_MESSAGE', 'owner': '222222222222', 'logGroup': '/quest/dev-web', 'logStream': 'web/1',",
            "        'subscriptionFilters': ['quest-search.dev.service'],",
            "        'logEvents': [{'id': '1', 'timestamp': 1764633600000, 'message': 'GET / 200'},",
            "                      {'id': '2', 'timestamp': 1764633600123, 'message': 'GET /health 200'}]}",
            "control = {'messageType': 'CONTROL_MESSAGE', 'owner': 'CloudwatchLogs', 'logEvents': [{'id': '0', 'timestamp': 0,",
            "           'message': 'CWL CONTROL MESSAGE: Checking health of destination'}]}",
            "docs = list(indexer.documents([record(data), record(control)]))",
            "assert len(docs) == 2, docs",
            "assert docs[0] == {'@timestamp': '2025-12-02T00:00:00.000Z', 'message': 'GET / 200', 'account': '222222222222',",
            "                   'environment': 'dev', 'type': 'service', 'logGroup': '/quest/dev-web', 'logStream': 'web/1'}, docs[0]",
            "assert docs[1]['@timestamp'] == '2025-12-02T00:00:00.123Z', docs[1]",
            "lines = indexer.bulk_body('quest-logs', docs).splitlines()",
            "assert [json.loads(l) for l in lines[0::2]] == [{'create': {'_index': 'quest-logs'}}] * 2, lines",
            "assert json.loads(lines[3])['message'] == 'GET /health 200'",
            "assert indexer.bulk_body('quest-logs', []) == ''",
            "refused = {'errors': True, 'items': [{'create': {'status': 201}}, {'create': {'status': 400, 'error': {'type': 'x'}}}]}",
            "assert len(indexer.failures(refused)) == 1",
            "assert indexer.failures({'errors': False, 'items': [{'create': {'status': 201}}]}) == []",
            "print('ok')");

    @Test
    void the_indexer_splits_a_batch_into_one_document_per_event_and_finds_refused_documents(@TempDir Path dir)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(python(), "python3 is not installed");
        Files.writeString(dir.resolve("indexer.py"), LogSearch.script());
        Path check = dir.resolve("check.py");
        Files.writeString(check, CHECK);
        Process process = new ProcessBuilder("python3", check.toString(), dir.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output.strip()).as(output).isEqualTo("ok");
        assertThat(process.exitValue()).isZero();
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
