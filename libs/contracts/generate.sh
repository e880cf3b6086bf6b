#!/usr/bin/env bash
# Regenerates everything under libs/contracts/src/generated/ from proto/, from scratch:
#   1. copies the googleapis protos we import (google/rpc, google/type) from the npm package google-proto-files
#      into proto/third_party/ (git-ignored; see third-party.sh);
#   2. generates TypeScript with ts-proto for our protos, google/rpc, google/type and the well-known types they
#      use (plugin options in proto/buf.gen.yaml);
#   3. writes a binary FileDescriptorSet including imports, which the gRPC kit feeds to server reflection.
# Usage: bash libs/contracts/generate.sh   (or: npx nx run contracts:generate)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# buf, protoc-gen-ts_proto and node (v24) all come from the workspace's node_modules.
export PATH="$ROOT/node_modules/.bin:$PATH"
source libs/contracts/third-party.sh

OUT="libs/contracts/src/generated"

rm -rf "$OUT"
copy_third_party "$ROOT" proto/third_party
buf generate proto --template proto/buf.gen.yaml
buf build proto --output "$OUT/descriptor-set.binpb"

echo "contracts: generated $(find "$OUT" -name '*.ts' | wc -l) TypeScript files and $OUT/descriptor-set.binpb"
