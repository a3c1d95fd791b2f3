module github.com/iksplan/iksplan/tools/tfschema

go 1.26.8
