from hypothesis import given, strategies as st
from spacy.util import get_words_and_spaces

from extract.pipeline import _chars_and_spaces

_TEXT = st.text(alphabet=st.sampled_from(list("湖南a ") + ["\n", "\t", "\u3000", "\xa0", "\x1c", "\u2028"]),
                max_size=40)


@given(_TEXT)
def test_char_tokens_are_spacys_char_segmentation(text):
    assert _chars_and_spaces(text) == get_words_and_spaces(list(text), text)


def test_pipeline_keeps_the_text_and_its_tokens(nlp):
    text = "湖南大学 与香港大学\n\n合作。 "
    doc = nlp(text)
    assert doc.text == text and len(doc) == len(_chars_and_spaces(text)[0])
    assert [e.text for e in doc.ents] == ["湖南大学", "香港大学"]
