module github.com/iksplan/iksplan/tools/openapi2kubeconform

go 1.26.8
