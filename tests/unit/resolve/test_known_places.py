from sitroom.resolve.known_places import is_known_place


def test_known_places_are_cities_areas_and_countries_not_any_name() -> None:
    for name in ("Washington", "Obama", "Houston", "Texas", "Türkiye", "America"):
        assert is_known_place(name), name
    for name in ("Khashoggi", "Klobuchar", "Buttigieg"):
        assert not is_known_place(name), name
