#!/usr/bin/env bash
# Install the other LSP editors the integration tests drive (Debian apt only):
#   neovim      (0.7 on Debian 12: vim.lsp.start_client)        → test/integration/nvim.test.mjs
#   emacs-nox + elpa-eglot (Emacs 28, eglot 1.9)                 → test/integration/emacs.test.mjs
# Idempotent: installs only what is missing; apt-get update only when the lists are empty or an
# install fails. Not root: uses password-less sudo, else explains what to run.
# usage: scripts/e2e/provision-editors.sh [neovim] [emacs]      (default: both)
set -euo pipefail

say() { printf '[provision-editors] %s\n' "$*"; }
die() { printf '[provision-editors] ERROR: %s\n' "$*" >&2; exit 1; }

wanted=("$@"); [ ${#wanted[@]} -gt 0 ] || wanted=(neovim emacs)
pkgs=()
for w in "${wanted[@]}"; do
  case "$w" in
    neovim|nvim) pkgs+=(neovim) ;;
    emacs|eglot) pkgs+=(emacs-nox elpa-eglot) ;;
    *) die "unknown editor '$w' (neovim, emacs)" ;;
  esac
done

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "all present: ${pkgs[*]}"
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${missing[*]} (Neovim >= 0.7; Emacs >= 28 with eglot) by hand"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n)
  else die "not root and no password-less sudo. Run as root: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
  say "apt-get update"; "${SUDO[@]}" apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
  updated=1
fi
say "apt-get install ${missing[*]}"
if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  [ -z "${updated:-}" ] || die "apt-get install ${missing[*]} failed"
  say "install failed with the current lists; apt-get update and retry"
  "${SUDO[@]}" apt-get update -qq || die "apt-get update failed"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
fi
say "installed ${missing[*]}"
