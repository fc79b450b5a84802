#!/bin/sh
# The Linux bundle, as a USB key gives it: unpacked in a network namespace with no route out and no Node on the
# PATH, then migrate, serve (the wizard page answers), backup, verify. Needs root (ip netns, unshare --mount).
#   sh tests/livraison/hors-ligne.sh <gm2i-V-linux-x64.tar.gz> <folder name inside> [port]
set -eu
archive=$(readlink -f "$1"); dossier=$2; port=${3:-18480}
ns=gm2i-hors-ligne-$$
ip netns add "$ns"
trap 'ip netns del "$ns" 2>/dev/null || true' EXIT
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" unshare --mount sh -eu -c '
  archive=$1; dossier=$2; port=$3
  export PATH=/usr/sbin:/usr/bin:/sbin:/bin
  for n in $(which -a node nodejs 2>/dev/null); do mount --bind /dev/null "$(readlink -f "$n")"; done
  if node --version >/dev/null 2>&1; then echo "UNE NODE RESTE SUR LE PATH"; exit 1; fi
  echo "PAS DE NODE sur le PATH"
  if [ -n "$(ip route)" ] || [ -n "$(ip -6 route)" ]; then echo "UNE ROUTE EXISTE"; exit 1; fi
  echo "PAS DE ROUTE vers le réseau"
  cle=$(mktemp -d); cd "$cle"
  tar xzf "$archive"
  export GM2I_DATA="$cle/gm2i-donnees"
  "./$dossier/gm2i" migrate
  "./$dossier/gm2i" serve --port "$port" --host 127.0.0.1 --sans-sauvegarde > serve.log 2>&1 &
  p=$!
  i=0; until curl -sf "http://127.0.0.1:$port/api/v1/sante" > sante.json 2>/dev/null; do
    i=$((i+1)); if [ $i -gt 60 ]; then cat serve.log; kill $p; exit 1; fi; sleep 0.5; done
  echo "SANTE $(cat sante.json)"
  curl -sf "http://127.0.0.1:$port/api/v1/installation" > installation.json
  echo "INSTALLATION $(cat installation.json)"
  curl -sf "http://127.0.0.1:$port/" > page.html
  if grep -q "<div id=\"root\"" page.html && grep -q "/assets/" page.html; then echo "ASSISTANT OK : la page est servie"; else echo "page inattendue"; head -c 500 page.html; kill $p; exit 1; fi
  asset=$(grep -o "/assets/[^\"]*\.js" page.html | head -1)
  curl -sf "http://127.0.0.1:$port$asset" > /dev/null && echo "script de la page servi : $asset"
  kill -INT $p; wait $p || true
  "./$dossier/gm2i" backup
  "./$dossier/gm2i" verify
  rm -rf "$cle"
' sh "$archive" "$dossier" "$port"
