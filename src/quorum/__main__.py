"""``python -m quorum``: the same command line as the ``quorum`` script."""

from quorum.cli import run

if __name__ == "__main__":
    run()
