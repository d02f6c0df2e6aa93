# lq.bash: bash completion for lq: the commands, then each command's long options from `lq CMD --help`.
# Installed as $(PREFIX)/share/bash-completion/completions/lq; or `. src/lq.bash`.

# _lq_commands: the commands `lq help` lists, then help and version.
_lq_commands() {
	lq help 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'
	echo help version
}

# _lq_options "CMD [SUB]": the long options in CMD's (or its subcommand's) --help (option lines only).
_lq_options() {
	lq $1 --help 2>/dev/null | sed -n 's/^ \{1,8\}\(-[A-Za-z0-9], \)\{0,1\}\(--[a-z0-9][a-z0-9-]*\).*/\2/p'
}

_lq() {
	local cur=${COMP_WORDS[COMP_CWORD]} cmd= i
	COMPREPLY=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--exec-path --help --quiet --version' -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_lq_commands)" -- "$cur"))
		fi
		return 0
	fi
	case $cmd in
	help)
		((COMP_CWORD == i + 1)) && COMPREPLY=($(compgen -W "$(_lq_commands | sed 's/ *help version//')" -- "$cur"))
		return 0 ;;
	version)
		return 0 ;;
	cache)
		if ((COMP_CWORD == i + 1)) && [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W 'stats verify gc import path' -- "$cur"))
			return 0
		fi ;;
	feedback)
		if ((COMP_CWORD == i + 1)) && [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W 'stats merge export fit delivered' -- "$cur"))
			return 0
		fi
		# a subcommand's own options
		if [[ $cur == -* && -n ${COMP_WORDS[i + 1]} && ${COMP_WORDS[i + 1]} != -* ]]; then
			COMPREPLY=($(compgen -W "$(_lq_options "$cmd ${COMP_WORDS[i + 1]}")" -- "$cur"))
			return 0
		fi
		if [[ ${COMP_WORDS[COMP_CWORD - 1]} == --format ]]; then
			COMPREPLY=($(compgen -W 'kto pairs labels' -- "$cur"))
			return 0
		fi ;;
	icp)
		if ((COMP_CWORD == i + 1)) && [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W 'check' -- "$cur"))
			return 0
		fi ;;
	model)
		if ((COMP_CWORD == i + 1)) && [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W 'fetch path' -- "$cur"))
			return 0
		fi ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_lq_options "$cmd")" -- "$cur"))
	else
		compopt -o default 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
	return 0
}
complete -F _lq lq
