#!/bin/sh
# Prepares Jaeger's Elasticsearch before `jaeger-es-rollover init` runs: waits for the cluster, then PUTs
# the ILM policy (and, where snapshots are on, the GCS repository and the SLM policy). Every step is a PUT
# of the desired state, so re-running the Job is harmless.
set -eu

# The cluster's ECK Elasticsearch wants its CA and the Job's own user, whose password is a mounted file (never
# an environment variable); the local stack's single node has neither.
es() {
  if [ -n "${ES_PASSWORD_FILE:-}" ]; then
    set -- --cacert "${ES_CA_FILE}" -u "${ES_USERNAME}:$(cat "${ES_PASSWORD_FILE}")" "$@"
  fi
  curl --silent --show-error --fail-with-body -H 'Content-Type: application/json' "$@"
}

# A bounded wait: a cluster that never comes up fails the Job (and its backoff), not hangs it.
attempts="${ES_WAIT_ATTEMPTS:-30}"
echo "waiting for ${ES_URL} to report status yellow or green (${attempts} attempts)"
until es "${ES_URL}/_cluster/health?wait_for_status=yellow&timeout=30s" >/dev/null; do
  attempts=$((attempts - 1))
  if [ "${attempts}" -le 0 ]; then
    echo "Elasticsearch at ${ES_URL} did not become ready" >&2
    exit 1
  fi
  sleep 10
done

echo "applying ILM policy ${ILM_POLICY}"
es -X PUT "${ES_URL}/_ilm/policy/${ILM_POLICY}" --data-binary @/init/ilm-policy.json

if [ -f /init/snapshot-repository.json ]; then
  echo "registering snapshot repository ${SNAPSHOT_REPOSITORY} and SLM policy ${SLM_POLICY}"
  es -X PUT "${ES_URL}/_snapshot/${SNAPSHOT_REPOSITORY}" --data-binary @/init/snapshot-repository.json
  es -X PUT "${ES_URL}/_slm/policy/${SLM_POLICY}" --data-binary @/init/slm-policy.json
fi
