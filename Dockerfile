# geokg in a container, for users with Docker (see docker-compose.yml).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/geokg .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/geokg /geokg
COPY testdata/kim-putin-2023-09-11.txt /data/kim-putin-2023-09-11.txt
EXPOSE 8080
ENV GEOKG_ADDR=0.0.0.0:8080
ENTRYPOINT ["/geokg"]
CMD ["serve", "--load", "/data/kim-putin-2023-09-11.txt"]
