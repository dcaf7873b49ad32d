# Tab completion of rserpool for bash, and for zsh through bashcompinit (docs/operations.md "Shell completion").
# It asks rserpool itself: System.CommandLine's [suggest:POSITION] directive answers the subcommands, flags and flag
# values (e.g. --log-format text|json) that fit at the cursor, one a line.
#   bash: source /path/to/rserpool.bash            (e.g. from ~/.bashrc)
#   zsh:  autoload -U +X compinit && compinit
#         autoload -U +X bashcompinit && bashcompinit
#         source /path/to/rserpool.bash            (e.g. from ~/.zshrc)
_rserpool_complete() {
  local IFS=$'\n'
  local candidates
  candidates="$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" || return 0
  COMPREPLY=($(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _rserpool_complete rserpool
