# Screening app image: build with the SDK, run on the ASP.NET runtime.
#   docker compose build app   /   docker build -t screening .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Screening.App/Screening.App.csproj -c Release -o /app --nologo -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
ENTRYPOINT ["dotnet", "screening.dll"]
CMD ["worker"]
