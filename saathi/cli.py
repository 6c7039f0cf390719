"""The `saathi` command: serve the site, run Django management, inspect a track file.

`inspect` works on files alone, so it is dispatched before anything imports Django:
it runs on a machine with no settings, data dir or database. Every other command is a
management command of the app it serves; `import` and `demo` are short for
`manage import` and `manage demo`.
"""

from __future__ import annotations

import os
import sys

USAGE = """usage: saathi COMMAND [ARGS...]

commands:
  serve             run the web server and the background worker together
  manage ARGS...    run a Django management command (migrate, createsuperuser, ...)
  inspect FILE...   read FIT, GPX or TCX files and print what Saathi sees in them
  import PATH... --user HANDLE
                    import files, folders and ZIPs as that user's activities
                    (saathi manage import)
  demo [--reset]    load the demo couple and their year (once; --reset loads it afresh)
                    (saathi manage demo)
"""

# `saathi NAME ARGS...` is `saathi manage NAME ARGS...`.
ALIASES = frozenset({"import", "demo"})

SETTINGS_MODULE = "saathi.config.settings"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE, end="")
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "inspect":
        # Here, not at the top: `inspect` must start without Django or any settings.
        from saathi.tracks.inspect import main as inspect_main

        return inspect_main(rest)
    if command in {"manage", "serve"}:
        return run_django(command, rest)
    if command in ALIASES:
        return run_django(command, args)
    print(f"saathi: unknown command {command!r}\n\n{USAGE}", end="", file=sys.stderr)
    return 2


def run_django(command: str, args: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from django.core.exceptions import ImproperlyConfigured

    try:
        if command == "serve":
            # Only for `serve`: the supervisor loads no models, its children do.
            from saathi.config.serve import serve

            return serve(args)
        from django.core.management import execute_from_command_line

        # The program's name as the command's usage and errors show it.
        program = "saathi manage" if command == "manage" else "saathi"
        execute_from_command_line([program, *args])
        return 0
    except ImproperlyConfigured as error:
        # A bad SAATHI_* value: its message names the variable, a traceback would bury it.
        print(f"saathi {command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
