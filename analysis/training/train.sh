#!/usr/bin/env bash
# Retrains the optional learned stance layer from texts written by the project (one command):
#   analysis/training/train.sh
# Writes config/stance/learned-model.json. Deterministic; needs no network once dependencies are
# in the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
(cd analysis/training && python3 make_train.py >/dev/null)
./mvnw -B -q -pl analysis install -DskipTests
./mvnw -B -q -pl analysis dependency:build-classpath -Dmdep.outputFile=target/learned-cp.txt \
  -Dmdep.includeScope=compile
java -cp "analysis/target/classes:$(cat analysis/target/learned-cp.txt)" \
  io.stancestream.analysis.learned.TrainLearnedLayer \
  analysis/training/stance-train.jsonl config/stance/learned-model.json
