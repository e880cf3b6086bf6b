# Sourced by generate.sh and breaking.sh (not run on its own).
# The googleapis protos the contracts import, taken from the npm package google-proto-files because there is no
# network to the Buf Schema Registry. Only what the contracts import plus what those files import themselves;
# google/protobuf/* (any, duration, timestamp) is built into buf.

IMPORTED_GOOGLE_FILES=(
  google/rpc/status.proto
  google/rpc/error_details.proto
  google/rpc/code.proto
  google/type/date.proto
)

# copy_third_party <workspace root> <destination folder>: (re)creates the destination with just those files.
copy_third_party() {
  local root="$1" destination="$2" file
  rm -rf "$destination"
  for file in "${IMPORTED_GOOGLE_FILES[@]}"; do
    mkdir -p "$destination/$(dirname "$file")"
    cp "$root/node_modules/google-proto-files/$file" "$destination/$file"
  done
  # grpc.health.v1, compiled into the descriptor set so server reflection serves it exactly as protoc would
  # (proto-loader's own encoding of it names its map entry differently, and buf curl refuses to link that).
  mkdir -p "$destination/grpc/health/v1"
  cp "$root/node_modules/grpc-health-check/proto/health/v1/health.proto" "$destination/grpc/health/v1/health.proto"
}
