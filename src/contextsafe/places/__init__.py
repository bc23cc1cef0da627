"""Public spaces: where young people are harmed, on a hexagonal grid and on named places.

Safeguarding events (young people involved, or a concern flagged) are counted on H3 hexagons over
the borough; Getis-Ord Gi* finds hot and cold spots with permutation significance and a false
discovery rate; real police crime, ASB and stop and search, domestic abuse call-outs and bus incident
reports are counted per cell as layers; the Prediction Accuracy Index checks, on a later period,
that the hot spots pointed at where harm happened next; and journeys to and from school link schools
to the places their pupils are harmed on the way.

>>> from contextsafe.places import analyse_places, write_places   # doctest: +SKIP
>>> write_places(workspace, "outputs/profile")                     # doctest: +SKIP
"""

from contextsafe.places.analysis import PlacesResult, Validation, analyse_places
from contextsafe.places.evaluate import evaluate_hotspots, score_hotspots
from contextsafe.places.gistar import Spots, hot_and_cold
from contextsafe.places.options import PlacesOptions
from contextsafe.places.output import hexagons_geojson, write_places
from contextsafe.places.pai import PredictionAccuracy, prediction_accuracy

__all__ = [
    "PlacesOptions",
    "PlacesResult",
    "PredictionAccuracy",
    "Spots",
    "Validation",
    "analyse_places",
    "evaluate_hotspots",
    "hexagons_geojson",
    "hot_and_cold",
    "prediction_accuracy",
    "score_hotspots",
    "write_places",
]
