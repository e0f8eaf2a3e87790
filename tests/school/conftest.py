import pytest
from schoolhelp import make_school


@pytest.fixture
def school(demo):
    ctx, info = demo
    return make_school(ctx, info)
