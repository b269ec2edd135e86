"""The pipeline every command runs on: inputs → records (one per input, in input order) → a results file.

- ``records``: the record of one article (an extraction or an error) and what identifies it.
- ``pool``: a backend over many articles, concurrently (threads or processes), in input order.
- ``results``: the results file: read, locked, written whole, resumed.
- ``summary``: what a run did, counted exactly from the records it wrote.
- ``run``: the three together.
"""
