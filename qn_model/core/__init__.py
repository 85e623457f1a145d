"""The pure model: a scenario, its projection, target verdicts, uncertainty, sensitivity, the link
grammar and the message model. Imports nothing else of ``qn_model``, no plotly, no texts."""
