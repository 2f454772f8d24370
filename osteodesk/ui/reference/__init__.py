"""The drug reference panel and the catalogue helpers the Assessment and Plan tabs share."""
